package dk.visitationadvisor.assessment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields of a request agree with each other: no date after the assessment date, a phase that
 * belongs to the course's programme, a phase that starts no earlier than the course.
 */
@Documented
@Constraint(validatedBy = ConsistentAssessmentValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentAssessment {

    String message() default "{dk.visitationadvisor.ConsistentAssessment.afterAssessmentDate}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
