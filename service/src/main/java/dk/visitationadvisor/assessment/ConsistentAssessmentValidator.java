package dk.visitationadvisor.assessment;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

/** Reports each disagreement on the field it concerns, e.g. {@code child.birthDate}. */
public class ConsistentAssessmentValidator implements ConstraintValidator<ConsistentAssessment, AssessmentRequest> {

    private static final String AFTER_ASSESSMENT = "{dk.visitationadvisor.ConsistentAssessment.afterAssessmentDate}";

    @Override
    public boolean isValid(AssessmentRequest request, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        LocalDate assessed = request.assessmentDate();
        boolean valid = true;
        if (request.child() != null && after(request.child().birthDate(), assessed)) {
            valid = report(context, AFTER_ASSESSMENT, "child", "birthDate");
        }
        AssessmentRequest.CourseInput course = request.course();
        if (course != null) {
            if (after(course.startDate(), assessed)) {
                valid = report(context, AFTER_ASSESSMENT, "course", "startDate");
            }
            if (after(course.phaseStartDate(), assessed)) {
                valid = report(context, AFTER_ASSESSMENT, "course", "phaseStartDate");
            }
            if (course.startDate() != null && after(course.startDate(), course.phaseStartDate())) {
                valid = report(context, "{dk.visitationadvisor.ConsistentAssessment.phaseBeforeCourse}", "course",
                        "phaseStartDate");
            }
            if (course.programme() != null && course.phase() != null
                    && course.phase().programme() != course.programme()) {
                valid = report(context, "{dk.visitationadvisor.ConsistentAssessment.phaseOfOtherProgramme}", "course",
                        "phase");
            }
        }
        return valid;
    }

    private static boolean after(LocalDate date, LocalDate limit) {
        return date != null && limit != null && date.isAfter(limit);
    }

    private static boolean report(ConstraintValidatorContext context, String message, String object, String field) {
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(object).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
