package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentResponse.VisitsPerWeek;
import dk.visitationadvisor.facts.Phase;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.Status;
import dk.visitationadvisor.facts.VisitRange;
import dk.visitationadvisor.ruleengine.Evaluation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an assessment comes to, without its explanation: each programme's status, the recommendation,
 * the escalations raised and the visit plan. What-if analysis compares these between variants of a
 * family.
 *
 * @param escalations each raised trigger as {@code CODE:SEVERITY}, sorted
 * @param planProgramme the programme of the visit plan; null when there is no plan
 * @param visitsPerWeek the range in force; null when there is no plan or it has no number
 * @param raised true when an adjustment raised the visits above the phase's lowest (e.g. to the upper end
 *        while a trigger is active)
 */
public record AssessmentOutcome(Map<Programme, Status> statuses, Programme recommendedProgramme,
        SortedSet<String> escalations, Programme planProgramme, Phase phase, VisitsPerWeek visitsPerWeek, boolean raised) {

    static AssessmentOutcome of(Evaluation evaluation) {
        Map<Programme, Status> statuses = new EnumMap<>(Programme.class);
        for (ProgrammeStatus status : evaluation.statuses()) {
            statuses.put(status.programme(), status.status());
        }
        SortedSet<String> escalations = new TreeSet<>();
        evaluation.escalations().forEach(e -> escalations.add(e.code() + ":" + e.severity()));
        boolean plan = !evaluation.phases().isEmpty();
        VisitsPerWeek visits = plan ? VisitRanges.inForce(evaluation.visitRanges()) : null;
        Integer baseMin = evaluation.visitRanges().stream().filter(r -> !r.adjusted()).map(VisitRange::min)
                .filter(Objects::nonNull).max(Integer::compare).orElse(null);
        boolean raised = visits != null && visits.min() != null && baseMin != null && visits.min() > baseMin
                && evaluation.visitRanges().stream().anyMatch(VisitRange::adjusted);
        return new AssessmentOutcome(Map.copyOf(statuses),
                ExplainedAnswers.recommendedProgramme(evaluation.recommendations()), escalations,
                plan ? evaluation.phases().get(0).programme() : null, plan ? evaluation.phases().get(0).phase() : null,
                visits, raised);
    }

    /** True when the visit plans are the same: programme, phase and range. */
    public boolean samePlan(AssessmentOutcome other) {
        return Objects.equals(planProgramme, other.planProgramme) && phase == other.phase
                && Objects.equals(visitsPerWeek, other.visitsPerWeek);
    }
}
