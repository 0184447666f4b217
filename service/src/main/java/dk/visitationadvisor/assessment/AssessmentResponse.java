package dk.visitationadvisor.assessment;

import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * The explained recommendation for one family. Names follow the published contract
 * (docs/api-guide.md); fields are only ever added.
 *
 * @param recommendationReasons why {@code recommendedProgramme} is the one it is, or why it is null
 * @param missingInformation every input field whose absence left a criterion unknown, as JSON paths
 * @param firedRules every rule that fired, in firing order
 */
public record AssessmentResponse(String assessmentId, String caseRef, LocalDate assessmentDate, String rulesetVersion,
        List<ProgrammeResult> programmes, Programme recommendedProgramme, List<Reason> recommendationReasons,
        List<Escalation> escalations, VisitPlan visitPlan, List<FollowUp> followUps, List<String> missingInformation,
        List<String> firedRules) {

    /** One programme's status, with every reason behind it. */
    public record ProgrammeResult(Programme programme, Status status, List<Reason> reasons) {
    }

    /** A trigger that needs action now (course rules; none are defined at visitation yet). */
    public record Escalation(String code, String severity, String action, String text, String source,
            List<String> facts) {
    }

    /** How often to visit in the current phase. */
    public record VisitPlan(Programme programme, String phase, VisitsPerWeek visitsPerWeek, List<Reason> reasons) {
    }

    public record VisitsPerWeek(Integer min, Integer max) {
    }

    /** Something that falls due on a date. */
    public record FollowUp(String code, LocalDate due, String text) {
    }
}
