package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.RuleKind;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An answer as the result page shows it: per programme, its reasons grouped by what they do to the
 * status, what rules the programme out first.
 */
record ResultView(AssessmentResponse answer, List<ProgrammeView> programmes) {

    /** A programme's status with its reasons in groups; {@code recommended} when it is the recommended one. */
    record ProgrammeView(ProgrammeResult result, boolean recommended, List<ReasonGroup> groups) {
    }

    /** Reasons of one kind of effect; {@code key} names the group's heading ({@code result.group.<key>}). */
    record ReasonGroup(String key, List<Reason> reasons) {
    }

    /** The groups in the order they are shown, each with the reasons it takes. */
    private static final List<Map.Entry<String, Predicate<Reason>>> GROUPS = List.of(
            Map.entry("excluding", r -> (r.kind() == RuleKind.INCLUSION && r.outcome() == Outcome.NOT_MET)
                    || (r.kind() == RuleKind.EXCLUSION && r.outcome() == Outcome.MET)),
            Map.entry("unknown", r -> r.outcome() == Outcome.UNKNOWN),
            Map.entry("judgement", r -> r.kind() == RuleKind.ASSESSMENT && r.outcome() == Outcome.MET),
            Map.entry("met", r -> r.kind() == RuleKind.INCLUSION && r.outcome() == Outcome.MET),
            Map.entry("suggestions", r -> r.kind() == RuleKind.SUGGESTION));

    static ResultView of(AssessmentResponse answer) {
        return new ResultView(answer, answer.programmes().stream()
                .map(result -> new ProgrammeView(result, result.programme() == answer.recommendedProgramme(),
                        GROUPS.stream()
                                .map(group -> new ReasonGroup(group.getKey(),
                                        result.reasons().stream().filter(group.getValue()).toList()))
                                .filter(group -> !group.reasons().isEmpty())
                                .toList()))
                .toList());
    }
}
