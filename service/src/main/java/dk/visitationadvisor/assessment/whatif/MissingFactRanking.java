package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AssessmentOutcome;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse.Change;
import dk.visitationadvisor.assessment.AssessmentResponse.Consequence;
import dk.visitationadvisor.assessment.AssessmentResponse.MissingFact;
import dk.visitationadvisor.assessment.AssessmentResponse.RankedMissingInformation;
import dk.visitationadvisor.assessment.AssessmentResponse.TriedValue;
import dk.visitationadvisor.assessment.AssessmentService.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranks a family's missing facts by what they decide. Each missing fact is tried, alone, with each value
 * it can take ({@link Domains}); its consequence is the strongest difference any value makes to the
 * outcome given. Facts that alone decide the recommendation come first, facts that change nothing last.
 * Besides the facts {@code missingInformation} lists, the instrument scores left out are tried (a score
 * not measured is not missing information, but measuring it may matter). One evaluation per value tried,
 * within the budget.
 */
final class MissingFactRanking {

    private MissingFactRanking() {
    }

    static RankedMissingInformation rank(AssessmentRequest request, List<String> missing, Trial trial, Budget budget,
            JsonMapper json, Texts texts) {
        Budget.Running running = budget.start();
        JsonNode tree = json.valueToTree(request);
        AssessmentOutcome given = trial.given(request);
        List<MissingFact> facts = new ArrayList<>();
        List<String> paths = new ArrayList<>(missing);
        Domains.CUTOFFS.keySet().stream().filter(path -> path.startsWith("measurements.")).sorted()
                .filter(path -> !missing.contains(path))
                .filter(path -> {
                    JsonNode value = FieldPath.of(path).orElseThrow().valueIn(tree);
                    return value.isMissingNode() || value.isNull();
                })
                .forEach(paths::add);
        for (String path : paths) {
            boolean listed = missing.contains(path);
            Optional<FieldPath> field = FieldPath.of(path);
            List<JsonNode> values = field.map(f -> Domains.of(f, trial.parameters())).orElse(List.of());
            facts.add(values.isEmpty() ? notTried(path, texts, false, listed)
                    : tryValues(field.get(), values, tree, given, trial, running, json, texts, listed));
        }
        facts.sort(Comparator.comparing(MissingFact::consequence)
                .thenComparing(fact -> -fact.values().stream().filter(v -> !v.changes().isEmpty()).count()));
        // The answer's own outcome counts too.
        return new RankedMissingInformation(List.copyOf(facts), running.spent() + 1, running.exhausted());
    }

    private static MissingFact tryValues(FieldPath field, List<JsonNode> values, JsonNode tree,
            AssessmentOutcome given, Trial trial, Budget.Running running, JsonMapper json, Texts texts, boolean listed) {
        List<TriedValue> tried = new ArrayList<>();
        List<AssessmentOutcome> outcomes = new ArrayList<>();
        for (JsonNode value : values) {
            if (!running.take()) {
                return notTried(field.path(), texts, true, listed);
            }
            AssessmentOutcome outcome = trial.outcome(field.set(json, tree, value));
            outcomes.add(outcome);
            tried.add(new TriedValue(value.isArray() ? value.toString() : value.asString(), texts.value(field, value),
                    Differences.between(given, outcome, texts)));
        }
        Consequence consequence = consequence(given, outcomes, tried);
        String summary = tried.stream().filter(v -> !v.changes().isEmpty())
                .map(v -> texts.get("whatif.value.changes", v.label(),
                        v.changes().stream().map(Change::text).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; "));
        return new MissingFact(field.path(), texts.field(field.path()), consequence,
                texts.get("whatif.consequence." + consequence.name(), summary), texts.howToObtain(field.path()),
                List.copyOf(tried), listed);
    }

    /** The strongest difference any value makes. */
    private static Consequence consequence(AssessmentOutcome given, List<AssessmentOutcome> outcomes,
            List<TriedValue> tried) {
        boolean recommendationChanges = outcomes.stream()
                .anyMatch(o -> o.recommendedProgramme() != given.recommendedProgramme());
        if (recommendationChanges && outcomes.stream().allMatch(o -> o.recommendedProgramme() != null)) {
            return Consequence.DECIDES_RECOMMENDATION;
        }
        if (recommendationChanges) {
            return Consequence.CHANGES_RECOMMENDATION;
        }
        List<String> aspects = tried.stream().flatMap(v -> v.changes().stream()).map(Change::aspect).toList();
        if (aspects.stream().anyMatch(a -> a.startsWith(Differences.STATUS))) {
            return Consequence.CHANGES_STATUS;
        }
        if (aspects.contains(Differences.VISIT_PLAN)) {
            return Consequence.CHANGES_VISIT_PLAN;
        }
        if (aspects.contains(Differences.ESCALATIONS)) {
            return Consequence.CHANGES_ESCALATIONS;
        }
        return Consequence.NONE;
    }

    private static MissingFact notTried(String path, Texts texts, boolean cutShort, boolean listed) {
        String label = path.startsWith("parameter:") ? path.substring("parameter:".length()) : texts.field(path);
        return new MissingFact(path, label, Consequence.NOT_TRIED,
                texts.get(cutShort ? "whatif.consequence.NOT_TRIED.cutShort" : "whatif.consequence.NOT_TRIED"),
                texts.howToObtain(path), List.of(), listed);
    }
}
