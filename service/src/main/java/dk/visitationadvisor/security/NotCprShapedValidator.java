package dk.visitationadvisor.security;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Refuses six digits and four digits, with or without a separator, standing alone in the text. */
public class NotCprShapedValidator implements ConstraintValidator<NotCprShaped, CharSequence> {

    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)\\d{6}[-\\s.]?\\d{4}(?!\\d)");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !CPR_SHAPED.matcher(value).find();
    }
}
