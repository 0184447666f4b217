package dk.visitationadvisor.casehistory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An override of the recommendation names who approved it; reported on {@code approvedBy}. */
@Documented
@Constraint(validatedBy = ApprovedOverride.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApprovedOverride {

    String message() default "{dk.visitationadvisor.DecisionRequest.approvedBy}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ApprovedOverride, DecisionRequest> {

        @Override
        public boolean isValid(DecisionRequest decision, ConstraintValidatorContext context) {
            if (decision.outcome() != DecisionRequest.DecisionOutcome.OVERRIDDEN
                    || (decision.approvedBy() != null && !decision.approvedBy().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("approvedBy").addConstraintViolation();
            return false;
        }
    }
}
