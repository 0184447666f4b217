package dk.visitationadvisor.assessment;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date the service's cases can have: not before {@link #min()} (1 January 2000 unless said). Nothing
 * in a family's course (its assessments, the youngest child's birth, a programme's start or phase) is
 * older; a date like {@code 0000-01-01} is a typing error, not a fact. The upper bound is the field's
 * own ({@code @PastOrPresent}).
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    /** The earliest date accepted, as YYYY-MM-DD. */
    String min() default "2000-01-01";

    String message() default "{dk.visitationadvisor.PlausibleDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {

        private LocalDate min;

        @Override
        public void initialize(PlausibleDate annotation) {
            min = LocalDate.parse(annotation.min());
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(min);
        }
    }
}
