package dk.visitationadvisor.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param assessmentId the id the answer is stored under; absent from a preview, which is not stored
 * @param recommendationReasons why {@code recommendedProgramme} is the one it is, or why it is null
 * @param escalations the triggers that fired, the most urgent first
 * @param visitPlan how often to visit in the current phase; null when no programme is recommended and
 *        no course is running
 * @param followUps what falls due, the soonest first: the checks and milestones of the phase and the next
 *        steps the sources give, each dated, with its source
 * @param resources what the recommended programme (or the running course's) takes: its team and its
 *        cost, as the sources give them
 * @param lawReferences each paragraph the sources cite beside the paragraph in force today (barnets lov),
 *        each mapping ours until a domain expert confirms it
 * @param abstentions the triggers that could not be judged, and why
 * @param missingInformation every input field (or {@code parameter:name}) whose absence left a
 *        criterion unknown or a trigger unjudged
 * @param firedRules every rule that fired, in firing order
 */
public record AssessmentResponse(@JsonInclude(JsonInclude.Include.NON_NULL) String assessmentId, String caseRef, LocalDate assessmentDate, String rulesetVersion,
        List<ProgrammeResult> programmes, Programme recommendedProgramme, List<Reason> recommendationReasons,
        List<Escalation> escalations, VisitPlan visitPlan, List<FollowUp> followUps, List<Reason> resources,
        List<LawReference> lawReferences, List<Reason> abstentions, List<String> missingInformation,
        List<String> firedRules) {

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
     * @param visitsPerWeek null where the sources give no number for the phase, or where no number is
     *        advised (the authority decides on a placement now)
     * @param visitsPerWeekReason why {@code visitsPerWeek} is null, in the caseworker's language; null when
     *        it is not
     */
    public record VisitPlan(Programme programme, Phase phase, VisitsPerWeek visitsPerWeek, String visitsPerWeekReason,
            List<Reason> reasons) {
    }

    /** A range of visits or contacts a week; either bound may be null. */
    public record VisitsPerWeek(Integer min, Integer max) {
    }

    /** Something that falls due on a date: a check, a milestone or a next step, with the source's words. */
    public record FollowUp(String code, LocalDate due, String text, String source, List<String> facts, String rule,
            List<String> quotes, boolean localPolicy) {
    }

    /**
     * A paragraph a source cites ({@code cited}, e.g. "serviceloven § 50") beside the paragraph in force
     * today ({@code today}, e.g. "barnets lov § 20"). {@code confirmed} is false while the mapping is
     * ours, not yet confirmed by a domain expert; the text says so.
     */
    public record LawReference(String code, String cited, String today, boolean confirmed, String text,
            String source, List<String> quotes, String rule) {
    }
}
