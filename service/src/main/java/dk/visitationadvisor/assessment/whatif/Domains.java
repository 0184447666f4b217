package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.facts.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The values a fact can take, as far as the rules can tell them apart: every value of an enum, yes and no,
 * for a number the values just either side of each cutoff the parameters set for it (its lowest and
 * highest allowed value when none is set), and for a list of yes/no factors none and all of them. Dates
 * and whole sections have no such finite set.
 */
final class Domains {

    /**
     * The parameters a number is compared with, by the field's path without list indexes. A number whose
     * cutoffs are not listed here is tried at its lowest and highest allowed value, which lie on either side
     * of any cutoff.
     */
    static final Map<String, List<String>> CUTOFFS = Map.of(
            "measurements.epds", List.of("instruments.epds.cutoffMothers", "instruments.epds.cutoffFathers"),
            "measurements.epdsSelfHarm", List.of("instruments.epds.selfHarmUrgentAbove"),
            "measurements.adbb", List.of("instruments.adbb.cutoff"),
            "measurements.ors", List.of("instruments.ors.cutoffScoredByParent", "instruments.ors.cutoffScoredByStaff"),
            "measurements.srs", List.of("instruments.srs.cutoff"),
            "measurements.careIndexSensitivity", List.of("instruments.careIndex.highRiskMaximum"),
            "measurements.missedContacts", List.of("escalation.missedContactsThreshold"),
            "pregnancy.gestationalWeek", List.of("intensiveInfant.statusLetterWeek"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Domains() {
    }

    /** The values to try for a field; empty when it has no finite set of values (a date, a section). */
    static List<JsonNode> of(FieldPath field, Parameters parameters) {
        Class<?> type = field.type();
        List<JsonNode> values = new ArrayList<>();
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                values.add(NODES.stringNode(((Enum<?>) constant).name()));
            }
        } else if (type == Boolean.class) {
            values.add(NODES.booleanNode(true));
            values.add(NODES.booleanNode(false));
        } else if (type == Integer.class) {
            numbers(field, parameters).forEach(n -> values.add(NODES.numberNode(n)));
        } else if (type == List.class && field.elementType() != null && field.elementType().isEnum()) {
            values.add(NODES.arrayNode());
            ArrayNode all = NODES.arrayNode();
            for (Object constant : field.elementType().getEnumConstants()) {
                all.add(((Enum<?>) constant).name());
            }
            values.add(all);
        }
        return values;
    }

    /** Just below and just above each cutoff that is set, within the field's bounds; else its bounds. */
    private static TreeSet<Integer> numbers(FieldPath field, Parameters parameters) {
        int min = field.min() == null ? 0 : field.min();
        int max = field.max() == null ? min + 100 : field.max();
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String cutoff : CUTOFFS.getOrDefault(field.key(), List.of())) {
            Integer value = parameters.value(cutoff);
            if (value != null) {
                numbers.add(Math.max(min, Math.min(max, value - 1)));
                numbers.add(Math.max(min, Math.min(max, value + 1)));
            }
        }
        if (numbers.isEmpty()) {
            numbers.add(min);
            numbers.add(max);
        }
        return numbers;
    }
}
