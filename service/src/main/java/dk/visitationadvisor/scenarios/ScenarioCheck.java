package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactual;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactuals;
import dk.visitationadvisor.assessment.AssessmentResponse.MissingFact;
import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.assessment.AssessmentResponse.RankedMissingInformation;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.RuleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Compares an answer with a scenario's expectations, and lists every difference in words a domain
 * expert can act on. Only what the scenario states is checked; other reasons may appear.
 */
public final class ScenarioCheck {

    private static final Set<String> EXPECT_KEYS = Set.of("programmes", "recommendedProgramme",
            "recommendationReasons", "missingInformation", "absent", "escalations", "abstained", "visitPlan",
            "followUps", "resources", "lawReferences", "rankedMissingInformation", "counterfactuals");

    private ScenarioCheck() {
    }

    public static List<String> differences(JsonNode expect, AssessmentResponse actual) {
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
        exactSet(expect, "recommendationReasons", actual.recommendationReasons().stream().map(Reason::code),
                differences);
        exactSet(expect, "missingInformation", actual.missingInformation().stream(), differences);
        for (String code : strings(expect.path("absent"))) {
            Stream.concat(actual.programmes().stream().flatMap(p -> p.reasons().stream()),
                            actual.recommendationReasons().stream())
                    .filter(reason -> reason.code().equals(code))
                    .forEach(reason -> differences.add(code + " must not appear, but rule \"" + reason.rule()
                            + "\" gave it (" + reason.outcome() + ")"));
            actual.escalations().stream().filter(e -> e.code().equals(code))
                    .forEach(e -> differences.add(code + " must not fire, but rule \"" + e.rule() + "\" raised it"));
            actual.followUps().stream().filter(f -> f.code().equals(code))
                    .forEach(f -> differences.add(code + " must not fall due, but rule \"" + f.rule() + "\" set it"));
            actual.resources().stream().filter(r -> r.code().equals(code))
                    .forEach(r -> differences.add(code + " must not be shown, but rule \"" + r.rule() + "\" gave it"));
            actual.lawReferences().stream().filter(l -> l.code().equals(code))
                    .forEach(l -> differences.add(code + " must not be shown, but rule \"" + l.rule() + "\" gave it"));
        }
        for (Map.Entry<String, JsonNode> escalation : expect.path("escalations").properties()) {
            List<String> was = actual.escalations().stream().filter(e -> e.code().equals(escalation.getKey()))
                    .map(e -> e.severity().name()).sorted().toList();
            List<String> expected = list(escalation.getValue());
            if (!expected.equals(was)) {
                differences.add("escalation " + escalation.getKey() + ": expected " + expected + ", was "
                        + (was.isEmpty() ? "not raised" : was));
            }
        }
        exactSet(expect, "abstained", actual.abstentions().stream().map(Reason::code), differences);
        exactSet(expect, "resources", actual.resources().stream().map(Reason::code), differences);
        exactSet(expect, "lawReferences", actual.lawReferences().stream().map(l -> l.code()), differences);
        if (expect.has("visitPlan")) {
            checkVisitPlan(expect.get("visitPlan"), actual.visitPlan(), differences);
        }
        for (Map.Entry<String, JsonNode> followUp : expect.path("followUps").properties()) {
            List<String> was = actual.followUps().stream().filter(f -> f.code().equals(followUp.getKey()))
                    .map(f -> f.due().toString()).sorted().toList();
            List<String> expected = list(followUp.getValue());
            if (!expected.equals(was)) {
                differences.add("follow-up " + followUp.getKey() + ": expected due " + expected + ", was "
                        + (was.isEmpty() ? "not set" : was));
            }
        }
        if (expect.has("rankedMissingInformation")) {
            checkRanking(expect.get("rankedMissingInformation"), actual.rankedMissingInformation(), differences);
        }
        if (expect.has("counterfactuals")) {
            checkCounterfactuals(expect.get("counterfactuals"), actual.counterfactuals(), differences);
        }
        return differences;
    }

    /** Whether the scenario asks for the missing facts ranked. */
    public static boolean asksForRanking(JsonNode expect) {
        return expect.has("rankedMissingInformation");
    }

    /** Whether the scenario asks for counterfactuals. */
    public static boolean asksForCounterfactuals(JsonNode expect) {
        return expect.has("counterfactuals");
    }

    /**
     * {@code first}/{@code last}: the field ranked first or last; {@code order}: these fields in this order
     * (others may come between); {@code consequences}: a field's consequence.
     */
    private static void checkRanking(JsonNode expect, RankedMissingInformation ranked, List<String> differences) {
        if (ranked == null) {
            differences.add("rankedMissingInformation: expected, was absent");
            return;
        }
        List<String> fields = ranked.facts().stream().map(MissingFact::field).toList();
        if (expect.has("first") && (fields.isEmpty() || !fields.get(0).equals(expect.get("first").asString()))) {
            differences.add("rankedMissingInformation: expected " + expect.get("first").asString() + " first, was "
                    + fields);
        }
        if (expect.has("last") && (fields.isEmpty()
                || !fields.get(fields.size() - 1).equals(expect.get("last").asString()))) {
            differences.add("rankedMissingInformation: expected " + expect.get("last").asString() + " last, was "
                    + fields);
        }
        List<String> order = list(expect.path("order"));
        List<String> inOrder = fields.stream().filter(order::contains).toList();
        if (!order.isEmpty() && !inOrder.equals(order)) {
            differences.add("rankedMissingInformation: expected the order " + order + ", was " + fields);
        }
        for (Map.Entry<String, JsonNode> consequence : expect.path("consequences").properties()) {
            String was = ranked.facts().stream().filter(f -> f.field().equals(consequence.getKey()))
                    .map(f -> f.consequence().name()).findFirst().orElse("not ranked");
            if (!was.equals(consequence.getValue().asString())) {
                differences.add("rankedMissingInformation " + consequence.getKey() + ": expected "
                        + consequence.getValue().asString() + ", was " + was);
            }
        }
    }

    /**
     * Per outcome ({@code INTENSIVE_INFANT}, {@code FAMILY_PLACEMENT} for a programme not eligible;
     * {@code visits} for a raised visit plan): {@code includes}, change sets that must be among those found
     * ({@code "field=value"}, several joined by {@code " & "}); {@code changes: []} for none found;
     * {@code onlyAuthorityDecides}. {@code outcomes}: exactly these outcomes are considered.
     */
    private static void checkCounterfactuals(JsonNode expect, Counterfactuals found, List<String> differences) {
        if (found == null) {
            differences.add("counterfactuals: expected, was absent");
            return;
        }
        Map<String, Counterfactual> byKey = new TreeMap<>();
        found.outcomes().forEach(c -> byKey.put(c.target().equals("FEWER_VISITS") ? "visits" : c.programme().name(), c));
        for (Map.Entry<String, JsonNode> entry : expect.properties()) {
            if (entry.getKey().equals("outcomes")) {
                Set<String> expected = strings(entry.getValue());
                if (!expected.equals(byKey.keySet())) {
                    differences.add("counterfactuals: expected outcomes " + expected + ", was " + byKey.keySet());
                }
                continue;
            }
            Counterfactual counterfactual = byKey.get(entry.getKey());
            if (counterfactual == null) {
                differences.add("counterfactuals: expected one for " + entry.getKey() + ", found " + byKey.keySet());
                continue;
            }
            Set<String> sets = counterfactual.changes().stream()
                    .map(set -> set.facts().stream().map(f -> f.field() + "=" + f.to())
                            .collect(Collectors.joining(" & ")))
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String expected : strings(entry.getValue().path("includes"))) {
                if (!sets.contains(expected)) {
                    differences.add("counterfactuals " + entry.getKey() + ": expected the change " + expected
                            + ", found " + sets);
                }
            }
            JsonNode changes = entry.getValue().path("changes");
            if (changes.isArray() && changes.isEmpty() && !sets.isEmpty()) {
                differences.add("counterfactuals " + entry.getKey() + ": expected no change, found " + sets);
            }
            JsonNode authority = entry.getValue().path("onlyAuthorityDecides");
            if (authority.isBoolean() && authority.booleanValue() != counterfactual.onlyAuthorityDecides()) {
                differences.add("counterfactuals " + entry.getKey() + ": expected onlyAuthorityDecides "
                        + authority.booleanValue() + ", was " + counterfactual.onlyAuthorityDecides());
            }
        }
    }

    /** When the scenario states {@code key}, the answer must have exactly that set of values. */
    private static void exactSet(JsonNode expect, String key, Stream<String> actual, List<String> differences) {
        if (expect.has(key)) {
            Set<String> expected = strings(expect.get(key));
            Set<String> was = actual.collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(was)) {
                differences.add(key + ": expected " + expected + ", was " + was);
            }
        }
    }

    private static void checkVisitPlan(JsonNode expect, AssessmentResponse.VisitPlan plan, List<String> differences) {
        if (expect.isNull()) {
            if (plan != null) {
                differences.add("visitPlan: expected none, was " + plan.programme() + " " + plan.phase());
            }
            return;
        }
        if (plan == null) {
            differences.add("visitPlan: expected one, was none");
            return;
        }
        if (expect.has("programme") && !expect.get("programme").asString().equals(String.valueOf(plan.programme()))) {
            differences.add("visitPlan programme: expected " + expect.get("programme").asString() + ", was "
                    + plan.programme());
        }
        if (expect.has("phase") && !expect.get("phase").asString().equals(String.valueOf(plan.phase()))) {
            differences.add("visitPlan phase: expected " + expect.get("phase").asString() + ", was " + plan.phase());
        }
        if (expect.has("visitsPerWeek")) {
            JsonNode range = expect.get("visitsPerWeek");
            String expected = range.isNull() ? "none" : range.path("min").asString("null") + "-" + range.path("max").asString("null");
            String was = plan.visitsPerWeek() == null ? "none" : plan.visitsPerWeek().min() + "-" + plan.visitsPerWeek().max();
            if (!expected.equals(was)) {
                differences.add("visitPlan visitsPerWeek: expected " + expected + ", was " + was);
            }
        }
        Set<String> codes = plan.reasons().stream().map(Reason::code).collect(Collectors.toCollection(TreeSet::new));
        for (String code : strings(expect.path("reasons"))) {
            if (!codes.contains(code)) {
                differences.add("visitPlan reasons: expected " + code + ", found " + codes);
            }
        }
        for (String code : strings(expect.path("absent"))) {
            if (codes.contains(code)) {
                differences.add("visitPlan reasons: " + code + " must not appear");
            }
        }
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
            List<String> expected = list(reason.getValue());
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
    public static List<String> invariantViolations(AssessmentResponse actual, Map<String, Set<String>> inclusionCodes) {
        List<String> violations = new ArrayList<>();
        AssessmentResponse.VisitPlan plan = actual.visitPlan();
        if (plan != null && plan.visitsPerWeek() != null && plan.visitsPerWeek().min() != null
                && plan.visitsPerWeek().max() != null && plan.visitsPerWeek().min() > plan.visitsPerWeek().max()) {
            violations.add("visitsPerWeek has min " + plan.visitsPerWeek().min() + " > max " + plan.visitsPerWeek().max());
        }
        if (plan != null && plan.reasons().stream().filter(r -> r.kind() == RuleKind.PHASE && r.code().startsWith("PHASE-")
                && !r.code().equals("PHASE-MISMATCH")).count() != 1) {
            violations.add("the visit plan must rest on exactly one phase rule, found "
                    + plan.reasons().stream().filter(r -> r.kind() == RuleKind.PHASE).map(Reason::rule).toList());
        }
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

    /** The values of a scalar or a list, sorted, keeping repeats: a trigger can fire twice. */
    private static List<String> list(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        values.sort(null);
        return values;
    }

    private static Set<String> strings(JsonNode node) {
        return new TreeSet<>(list(node));
    }
}
