package dk.visitationadvisor.security;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new account's password meets the {@link PasswordPolicy}; reported on {@code password}. */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface AcceptablePassword {

    String message() default "{password.guessable}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, AccountRequest> {

        @Override
        public boolean isValid(AccountRequest account, ConstraintValidatorContext context) {
            if (account.password() == null) {
                return true;
            }
            var problems = PasswordPolicy.problems(account.username(), account.password());
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            problems.forEach(problem -> context.buildConstraintViolationWithTemplate("{" + problem + "}")
                    .addPropertyNode("password").addConstraintViolation());
            return false;
        }
    }
}
