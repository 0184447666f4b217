package dk.visitationadvisor.assessment;

import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Phase;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Severity;
import dk.visitationadvisor.facts.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * The explained recommendation for one family. Names follow the published contract
 * (docs/api-guide.md); fields are only ever added.
 *
 * @param recommendationReasons why {@code recommendedProgramme} is the one it is, or why it is null
 * @param escalations the triggers that fired, the most urgent first
 * @param visitPlan how often to visit in the current phase; null when no programme is recommended and
 *        no course is running
 * @param followUps what falls due, the soonest first
 * @param abstentions the triggers that could not be judged, and why
 * @param missingInformation every input field (or {@code parameter:name}) whose absence left a
 *        criterion unknown or a trigger unjudged
 * @param firedRules every rule that fired, in firing order
 */
public record AssessmentResponse(String assessmentId, String caseRef, LocalDate assessmentDate, String rulesetVersion,
        List<ProgrammeResult> programmes, Programme recommendedProgramme, List<Reason> recommendationReasons,
        List<Escalation> escalations, VisitPlan visitPlan, List<FollowUp> followUps, List<Reason> abstentions,
        List<String> missingInformation, List<String> firedRules) {

    /** One programme's status, with every reason behind it. */
    public record ProgrammeResult(Programme programme, Status status, List<Reason> reasons) {
    }

    /** A trigger that fired, and what to do about it now. */
    public record Escalation(String code, Severity severity, String action, String text, String source,
            List<String> quotes, List<String> facts, String rule) {
    }

    /**
     * How often to visit in the current phase, with the reasons: how the phase was found, the base
     * range, each adjustment and each constraint.
     *
     * @param visitsPerWeek null where the sources give no number for the phase
     */
    public record VisitPlan(Programme programme, Phase phase, VisitsPerWeek visitsPerWeek, List<Reason> reasons) {
    }

    /** A range of visits or contacts a week; either bound may be null. */
    public record VisitsPerWeek(Integer min, Integer max) {
    }

    /** Something that falls due on a date. */
    public record FollowUp(String code, LocalDate due, String text, String source, List<String> facts, String rule) {
    }
}
