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
 * @param rankedMissingInformation the missing facts ranked by what their possible values would change; only
 *        when asked for ({@code rankMissing=true}), absent otherwise
 * @param counterfactuals the smallest changes of changeable facts that would change a programme that is not
 *        eligible, or a visit plan at its upper end; only when asked for ({@code counterfactuals=true})
 */
public record AssessmentResponse(@JsonInclude(JsonInclude.Include.NON_NULL) String assessmentId, String caseRef, LocalDate assessmentDate, String rulesetVersion,
        List<ProgrammeResult> programmes, Programme recommendedProgramme, List<Reason> recommendationReasons,
        List<Escalation> escalations, VisitPlan visitPlan, List<FollowUp> followUps, List<Reason> resources,
        List<LawReference> lawReferences, List<Reason> abstentions, List<String> missingInformation,
        List<String> firedRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) RankedMissingInformation rankedMissingInformation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Counterfactuals counterfactuals) {

    /** An answer without what-if analysis, as every answer is unless a caller asks for it. */
    public AssessmentResponse(String assessmentId, String caseRef, LocalDate assessmentDate, String rulesetVersion,
            List<ProgrammeResult> programmes, Programme recommendedProgramme, List<Reason> recommendationReasons,
            List<Escalation> escalations, VisitPlan visitPlan, List<FollowUp> followUps, List<Reason> resources,
            List<LawReference> lawReferences, List<Reason> abstentions, List<String> missingInformation,
            List<String> firedRules) {
        this(assessmentId, caseRef, assessmentDate, rulesetVersion, programmes, recommendedProgramme,
                recommendationReasons, escalations, visitPlan, followUps, resources, lawReferences, abstentions,
                missingInformation, firedRules, null, null);
    }

    /** This answer with the missing facts ranked. */
    public AssessmentResponse withRankedMissingInformation(RankedMissingInformation ranked) {
        return new AssessmentResponse(assessmentId, caseRef, assessmentDate, rulesetVersion, programmes,
                recommendedProgramme, recommendationReasons, escalations, visitPlan, followUps, resources,
                lawReferences, abstentions, missingInformation, firedRules, ranked, counterfactuals);
    }

    /** This answer with its counterfactuals. */
    public AssessmentResponse withCounterfactuals(Counterfactuals found) {
        return new AssessmentResponse(assessmentId, caseRef, assessmentDate, rulesetVersion, programmes,
                recommendedProgramme, recommendationReasons, escalations, visitPlan, followUps, resources,
                lawReferences, abstentions, missingInformation, firedRules, rankedMissingInformation, found);
    }

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

    /**
     * The missing facts, each tried with every value it can take (an enum's values, yes and no, a number on
     * either side of each cutoff the parameters set), most consequential first.
     *
     * @param evaluations how many variants of the family went through the rules for this
     * @param cutShort true when the evaluation limit or the time budget ended the trial early: the facts not
     *        tried are {@code NOT_TRIED}
     */
    public record RankedMissingInformation(List<MissingFact> facts, int evaluations, boolean cutShort) {
    }

    /**
     * One missing fact and what its values would change.
     *
     * @param field the field as in {@code missingInformation}, e.g. {@code parents[0].substanceUse}
     * @param label the field in the caller's language
     * @param text what knowing the fact would change, in the caller's language
     * @param howToObtain how to find it out (the instrument, the investigation or whom to ask), in the caller's
     *        language
     * @param values each value tried, with what differed from the answer given
     * @param listed true when {@code missingInformation} lists the field; false for an instrument score left
     *        out that no rule reported (a score not measured is not missing information, but may still matter)
     */
    public record MissingFact(String field, String label, Consequence consequence, String text, String howToObtain,
            List<TriedValue> values, boolean listed) {
    }

    /** How much a missing fact decides, most first. */
    public enum Consequence {
        /** Every value gives a recommendation, not the one given now: the fact alone decides it. */
        DECIDES_RECOMMENDATION,
        /** Some value changes the recommended programme. */
        CHANGES_RECOMMENDATION,
        /** Some value changes a programme's status. */
        CHANGES_STATUS,
        /** Some value changes the visit plan. */
        CHANGES_VISIT_PLAN,
        /** Some value changes the escalations raised. */
        CHANGES_ESCALATIONS,
        /** Its values could not be tried (a date, a parameter, a section left out, or the trial was cut short). */
        NOT_TRIED,
        /** No value changes anything. */
        NONE
    }

    /** A value a missing fact was tried with, and what came out different. */
    public record TriedValue(String value, String label, List<Change> changes) {
    }

    /**
     * One difference from the answer given.
     *
     * @param aspect {@code recommendedProgramme}, {@code status.<PROGRAMME>}, {@code visitPlan} or
     *        {@code escalations}
     * @param from as in the answer given (null when none)
     * @param to as with the tried value (null when none)
     * @param text the difference in the caller's language
     */
    public record Change(String aspect, String from, String to, String text) {
    }

    /**
     * What would have to be different for another outcome, searched over the facts a family or a measure can
     * change: housing, network, consent, each parent's substance use, wish for treatment and taking part, the
     * measurements, the child's growth and the course's plans and agreements. Dates, history and the
     * authority's judgements are never changed.
     *
     * @param searched how the search was bounded, in the caller's language
     * @param evaluations how many variants went through the rules for this
     * @param cutShort true when the evaluation limit or the time budget ended the search early
     */
    public record Counterfactuals(List<Counterfactual> outcomes, String searched, int evaluations, boolean cutShort) {
    }

    /**
     * One outcome that could change: a programme that is not eligible ({@code target} {@code ELIGIBLE}), or
     * the visit plan at its upper end ({@code target} {@code FEWER_VISITS}).
     *
     * @param programme the programme concerned
     * @param changes the smallest sets of changes found that would bring it about; empty when none
     * @param onlyAuthorityDecides true when no change of changeable facts does it but a different judgement by
     *        the authority (concern level, acute danger, necessary placement) would
     * @param text the result in the caller's language
     */
    public record Counterfactual(Programme programme, String target, String now, List<ChangeSet> changes,
            boolean onlyAuthorityDecides, String text) {
    }

    /** A set of fact changes that together bring the outcome about, and the outcome they give. */
    public record ChangeSet(List<FactChange> facts, String result, String text) {
    }

    /** One fact changed: its field, the value entered and the value tried. */
    public record FactChange(String field, String from, String to) {
    }
}
