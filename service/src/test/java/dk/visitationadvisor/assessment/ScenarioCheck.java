package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Compares an answer with a scenario's expectations, and lists every difference in words a domain
 * expert can act on. Only what the scenario states is checked; other reasons may appear.
 */
final class ScenarioCheck {

    private static final Set<String> EXPECT_KEYS = Set.of("programmes", "recommendedProgramme",
            "recommendationReasons", "missingInformation", "absent");

    private ScenarioCheck() {
    }

    static List<String> differences(JsonNode expect, AssessmentResponse actual) {
        List<String> differences = new ArrayList<>();
        expect.propertyNames().stream().filter(key -> !EXPECT_KEYS.contains(key))
                .forEach(key -> differences.add("unknown key under expect: '" + key + "' (allowed: " + EXPECT_KEYS + ")"));
        for (Map.Entry<String, JsonNode> programme : expect.path("programmes").properties()) {
            ProgrammeResult result = actual.programmes().stream()
                    .filter(p -> p.programme().name().equals(programme.getKey()))
                    .findFirst().orElse(null);
            if (result == null) {
                differences.add("no programme " + programme.getKey() + " in the answer");
                continue;
            }
            checkProgramme(programme.getValue(), result, differences);
        }
        if (expect.has("recommendedProgramme")) {
            String expected = expect.get("recommendedProgramme").isNull() ? null
                    : expect.get("recommendedProgramme").asString();
            String was = actual.recommendedProgramme() == null ? null : actual.recommendedProgramme().name();
            if (!Objects.equals(expected, was)) {
                differences.add("recommendedProgramme: expected " + expected + ", was " + was);
            }
        }
        if (expect.has("recommendationReasons")) {
            Set<String> expected = strings(expect.get("recommendationReasons"));
            Set<String> was = actual.recommendationReasons().stream().map(Reason::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(was)) {
                differences.add("recommendationReasons: expected " + expected + ", was " + was);
            }
        }
        if (expect.has("missingInformation")) {
            Set<String> expected = strings(expect.get("missingInformation"));
            Set<String> was = new TreeSet<>(actual.missingInformation());
            if (!expected.equals(was)) {
                differences.add("missingInformation: expected " + expected + ", was " + was);
            }
        }
        for (String code : strings(expect.path("absent"))) {
            Stream.concat(actual.programmes().stream().flatMap(p -> p.reasons().stream()),
                            actual.recommendationReasons().stream())
                    .filter(reason -> reason.code().equals(code))
                    .forEach(reason -> differences.add(code + " must not appear, but rule \"" + reason.rule()
                            + "\" gave it (" + reason.outcome() + ")"));
        }
        return differences;
    }

    private static void checkProgramme(JsonNode expect, ProgrammeResult result, List<String> differences) {
        String programme = result.programme().name();
        if (expect.has("status") && !expect.get("status").asString().equals(result.status().name())) {
            differences.add(programme + " status: expected " + expect.get("status").asString() + ", was "
                    + result.status() + " (reasons: " + summary(result.reasons()) + ")");
        }
        for (String code : strings(expect.path("localPolicy"))) {
            if (result.reasons().stream().noneMatch(r -> r.code().equals(code) && r.localPolicy())) {
                differences.add(programme + " " + code + ": expected a reason marked local policy, found none");
            }
        }
        for (Map.Entry<String, JsonNode> reason : expect.path("reasons").properties()) {
            List<String> expected = new ArrayList<>();
            if (reason.getValue().isArray()) {
                reason.getValue().forEach(outcome -> expected.add(outcome.asString()));
            } else {
                expected.add(reason.getValue().asString());
            }
            expected.sort(null);
            List<String> was = result.reasons().stream()
                    .filter(r -> r.code().equals(reason.getKey()))
                    .map(r -> String.valueOf(r.outcome()))
                    .sorted()
                    .toList();
            if (!expected.equals(was)) {
                differences.add(programme + " " + reason.getKey() + ": expected " + String.join(", ", expected)
                        + ", was " + (was.isEmpty() ? "absent" : String.join(", ", was)));
            }
        }
    }

    /**
     * What must hold for every family: each inclusion criterion of a programme gives exactly one
     * result, so no status rests on a criterion the rules forgot.
     */
    static List<String> invariantViolations(AssessmentResponse actual, Map<String, Set<String>> inclusionCodes) {
        List<String> violations = new ArrayList<>();
        for (ProgrammeResult result : actual.programmes()) {
            for (String code : inclusionCodes.getOrDefault(result.programme().name(), Set.of())) {
                long count = result.reasons().stream()
                        .filter(r -> r.kind() == RuleKind.INCLUSION && r.code().equals(code))
                        .count();
                if (count != 1) {
                    violations.add("inclusion criterion " + code + " gave " + count + " results instead of exactly one");
                }
            }
        }
        return violations;
    }

    private static String summary(List<Reason> reasons) {
        return reasons.stream().map(r -> r.code() + " " + r.outcome()).collect(Collectors.joining(", "));
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        return values;
    }
}
