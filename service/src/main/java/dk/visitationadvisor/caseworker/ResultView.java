package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.Escalation;
import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.facts.Severity;
import dk.visitationadvisor.facts.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An answer as the result page shows it, in order of importance: the urgent escalations, what to do
 * now, the recommendation, then per programme its reasons grouped by what they do to the status (what
 * rules the programme out first), and which of the risk factors entered counted for it.
 *
 * @param request the request the answer was given to, for the risk factors entered
 */
record ResultView(AssessmentResponse answer, List<ProgrammeView> programmes, JsonNode request) {

    /**
     * A programme's status with its reasons in groups; {@code recommended} when it is the recommended
     * one; {@code counted} and {@code notCounted} the ticked risk factors (as request paths) that
     * counted for it and those that did not.
     */
    record ProgrammeView(ProgrammeResult result, boolean recommended, List<ReasonGroup> groups, List<String> counted,
            List<String> notCounted) {
    }

    /** Reasons of one kind of effect; {@code key} names the group's heading ({@code result.group.<key>}). */
    record ReasonGroup(String key, List<Reason> reasons) {
    }

    /** A ticked risk factor in a fact: {@code parents[0].riskFactors[1] = CHILDHOOD_TRAUMA}. */
    private static final Pattern FACTOR_FACT = Pattern.compile("^(parents\\[\\d+]\\.riskFactors)\\[\\d+] = (\\w+)$");

    /** The groups in the order they are shown, each with the reasons it takes. */
    private static final List<Map.Entry<String, Predicate<Reason>>> GROUPS = List.of(
            Map.entry("excluding", ResultView::excludes),
            Map.entry("unknown", r -> r.outcome() == Outcome.UNKNOWN),
            Map.entry("judgement", r -> r.kind() == RuleKind.ASSESSMENT && r.outcome() == Outcome.MET),
            Map.entry("met", r -> r.kind() == RuleKind.INCLUSION && r.outcome() == Outcome.MET),
            Map.entry("suggestions", r -> r.kind() == RuleKind.SUGGESTION));

    static ResultView of(AssessmentResponse answer, JsonNode request) {
        List<String> ticked = ticked(request);
        return new ResultView(answer, answer.programmes().stream()
                .map(result -> {
                    Set<String> counted = counted(result.reasons());
                    return new ProgrammeView(result, result.programme() == answer.recommendedProgramme(),
                            GROUPS.stream()
                                    .map(group -> new ReasonGroup(group.getKey(),
                                            result.reasons().stream().filter(group.getValue()).toList()))
                                    .filter(group -> !group.reasons().isEmpty())
                                    .toList(),
                            ticked.stream().filter(counted::contains).toList(),
                            ticked.stream().filter(factor -> !counted.contains(factor)).toList());
                })
                .toList(), request);
    }

    /** Whether a reason rules its programme out: an entry criterion not met, or an exclusion that applies. */
    static boolean excludes(Reason r) {
        return (r.kind() == RuleKind.INCLUSION && r.outcome() == Outcome.NOT_MET)
                || (r.kind() == RuleKind.EXCLUSION && r.outcome() == Outcome.MET);
    }

    /** The escalations that call for the authority now, shown first. */
    public List<Escalation> urgent() {
        return answer.escalations().stream().filter(e -> e.severity() == Severity.URGENT).toList();
    }

    /** The other escalations: what the caseworker must see to now. */
    public List<Escalation> toDo() {
        return answer.escalations().stream().filter(e -> e.severity() != Severity.URGENT).toList();
    }

    /** Whether every programme rules the family out: then nothing is missing that could change that. */
    public boolean allExcluded() {
        return !answer.programmes().isEmpty()
                && answer.programmes().stream().allMatch(p -> p.status() == Status.NOT_ELIGIBLE);
    }

    /** The missing information worth fetching: none when every programme rules the family out. */
    public List<String> missing() {
        return allExcluded() ? List.of() : answer.missingInformation();
    }

    /**
     * Which heading the recommendation has ({@code result.recommendation.<key>}): a programme, both
     * excluded, the authority deciding first, or not yet (information or a judgement is missing).
     */
    public String situation() {
        if (answer.recommendedProgramme() != null) {
            return "recommended";
        }
        if (allExcluded()) {
            return "excluded";
        }
        return urgent().isEmpty() ? "notYet" : "authority";
    }

    /** The risk factors ticked in the request, as request paths with their value: {@code parents[0].riskFactors = X}. */
    private static List<String> ticked(JsonNode request) {
        List<String> ticked = new ArrayList<>();
        JsonNode parents = request == null ? null : request.path("parents");
        if (parents != null && parents.isArray()) {
            for (int i = 0; i < parents.size(); i++) {
                for (JsonNode factor : parents.get(i).path("riskFactors")) {
                    ticked.add("parents[" + i + "].riskFactors = " + factor.asString());
                }
            }
        }
        return ticked;
    }

    /** The ticked risk factors a programme's reasons name among their facts. */
    private static Set<String> counted(List<Reason> reasons) {
        Set<String> counted = new LinkedHashSet<>();
        for (Reason reason : reasons) {
            if (reason.facts() == null) {
                continue;
            }
            for (String fact : reason.facts()) {
                Matcher factor = FACTOR_FACT.matcher(fact);
                if (factor.matches()) {
                    counted.add(factor.group(1) + " = " + factor.group(2));
                }
            }
        }
        return counted;
    }
}
