package dk.visitationadvisor.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Refuses six digits and four digits, with or without a separator, standing alone in the text. */
public class NotCprShapedValidator implements ConstraintValidator<NotCprShaped, CharSequence> {

    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)\\d{6}[-\\s.]?\\d{4}(?!\\d)");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !isCprShaped(value);
    }

    /** For text that is checked outside bean validation, e.g. a header. */
    public static boolean isCprShaped(CharSequence value) {
        return CPR_SHAPED.matcher(value).find();
    }
}
