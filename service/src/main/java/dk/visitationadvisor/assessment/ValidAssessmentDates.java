package dk.visitationadvisor.assessment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The child cannot be born after the assessment date. */
@Documented
@Constraint(validatedBy = ValidAssessmentDatesValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidAssessmentDates {

    String message() default "{dk.visitationadvisor.ValidAssessmentDates.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
