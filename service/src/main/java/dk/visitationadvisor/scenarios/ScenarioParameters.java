package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.ruleengine.RuleFiles;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario's {@code parameters:} block, applied to a copy of the rule files in memory: each named
 * parameter gets the given value from the earliest date, as if domain experts had set it. Lets a
 * scenario show what a rule does once its required cutoff is set.
 */
public final class ScenarioParameters {

    /** A key written twice is an error, as when the rule set reads the file, not the last one silently winning. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String EARLIEST = "1900-01-01";

    private ScenarioParameters() {
    }

    /**
     * The rule files with each parameter's value in force on a date as its only value, from the earliest
     * date: the rules judge any family with the values of that date, the family's own dates unchanged.
     * Lets the scenarios check values that take effect in the future.
     */
    public static RuleFiles asOf(RuleFiles files, LocalDate date) {
        Map<String, String> contents = new HashMap<>(files.contents());
        files.parameterFiles().forEach((file, yaml) -> {
            ObjectNode catalogue = (ObjectNode) YAML.readTree(yaml);
            for (Map.Entry<String, JsonNode> parameter : catalogue.properties()) {
                TreeMap<LocalDate, JsonNode> dated = new TreeMap<>();
                parameter.getValue().path("values").properties()
                        .forEach(value -> dated.put(LocalDate.parse(value.getKey()), value.getValue()));
                ObjectNode values = YAML.createObjectNode();
                Map.Entry<LocalDate, JsonNode> inForce = dated.floorEntry(date);
                if (inForce != null) {
                    values.set(EARLIEST, inForce.getValue());
                }
                ((ObjectNode) parameter.getValue()).set("values", values);
            }
            contents.put(file, YAML.writeValueAsString(catalogue));
        });
        return new RuleFiles(files.origin() + " as of " + date, contents);
    }

    /**
     * The rule files with each parameter the scenario names set to its value from the earliest date, in
     * the parameter file that defines it, with the reference of the value it replaces (or, for a
     * parameter not set yet, marked local and referenced as the scenario's).
     */
    public static RuleFiles apply(RuleFiles files, JsonNode parameters) {
        Map<String, String> contents = new HashMap<>(files.contents());
        Map<String, ObjectNode> catalogues = new TreeMap<>();
        files.parameterFiles().forEach((file, yaml) -> catalogues.put(file, (ObjectNode) YAML.readTree(yaml)));
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            Map.Entry<String, ObjectNode> defining = catalogues.entrySet().stream()
                    .filter(catalogue -> catalogue.getValue().has(parameter.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "The scenario sets an unknown parameter: " + parameter.getKey()));
            ObjectNode definition = (ObjectNode) defining.getValue().get(parameter.getKey());
            JsonNode reference = null;
            for (JsonNode value : definition.path("values")) {
                reference = value.path("reference");
            }
            if (reference == null || reference.isMissingNode()) {
                definition.put("local", true);
                reference = YAML.createObjectNode().put("locator", "set by the scenario");
            }
            ObjectNode value = YAML.createObjectNode();
            value.set("value", parameter.getValue());
            value.set("reference", reference);
            ObjectNode values = YAML.createObjectNode();
            values.set(EARLIEST, value);
            definition.set("values", values);
            contents.put(defining.getKey(), YAML.writeValueAsString(defining.getValue()));
        }
        return new RuleFiles(files.origin() + " with the scenario's parameters", contents);
    }
}
