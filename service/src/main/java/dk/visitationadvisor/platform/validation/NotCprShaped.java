package dk.visitationadvisor.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text must not contain anything shaped like a Danish CPR number (ddmmyy-nnnn or ten digits in a
 * row). References to families are pseudonymous; a CPR number must never be stored.
 */
@Documented
@Constraint(validatedBy = NotCprShapedValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotCprShaped {

    String message() default "{dk.visitationadvisor.NotCprShaped.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
