package dk.visitationadvisor.assessment;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports a birth date after the assessment date on the field {@code child.birthDate}. */
public class ValidAssessmentDatesValidator implements ConstraintValidator<ValidAssessmentDates, AssessmentRequest> {

    @Override
    public boolean isValid(AssessmentRequest request, ConstraintValidatorContext context) {
        if (request.assessmentDate() == null || request.child() == null || request.child().birthDate() == null
                || !request.child().birthDate().isAfter(request.assessmentDate())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("child").addPropertyNode("birthDate").addConstraintViolation();
        return false;
    }
}
