package dk.visitationadvisor.authoring;

import dk.visitationadvisor.ruleengine.RuleFiles;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario's {@code parameters:} block, applied to a copy of the rule files in memory: each named
 * parameter gets the given value from the earliest date, as if domain experts had set it. Lets a
 * scenario show what a rule does once its required cutoff is set.
 */
public final class ScenarioParameters {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ScenarioParameters() {
    }

    /**
     * The rule files with each parameter's value in force on a date as its only value, from the earliest
     * date: the rules judge any family with the values of that date, the family's own dates unchanged.
     * Lets the scenarios check values that take effect in the future.
     */
    public static RuleFiles asOf(RuleFiles files, LocalDate date) {
        ObjectNode catalogue = (ObjectNode) YAML.readTree(files.contents().get("parameters.yaml"));
        for (Map.Entry<String, JsonNode> parameter : catalogue.properties()) {
            TreeMap<LocalDate, JsonNode> dated = new TreeMap<>();
            parameter.getValue().path("values").properties()
                    .forEach(value -> dated.put(LocalDate.parse(value.getKey()), value.getValue()));
            ObjectNode values = YAML.createObjectNode();
            Map.Entry<LocalDate, JsonNode> inForce = dated.floorEntry(date);
            if (inForce != null) {
                values.set("1900-01-01", inForce.getValue());
            }
            ((ObjectNode) parameter.getValue()).set("values", values);
        }
        Map<String, String> contents = new HashMap<>(files.contents());
        contents.put("parameters.yaml", YAML.writeValueAsString(catalogue));
        return new RuleFiles(files.origin() + " as of " + date, contents);
    }

    public static RuleFiles apply(RuleFiles files, JsonNode parameters) {
        ObjectNode catalogue = (ObjectNode) YAML.readTree(files.contents().get("parameters.yaml"));
        for (Map.Entry<String, JsonNode> parameter : parameters.properties()) {
            JsonNode definition = catalogue.get(parameter.getKey());
            if (definition == null) {
                throw new IllegalArgumentException("The scenario sets an unknown parameter: " + parameter.getKey());
            }
            ObjectNode values = YAML.createObjectNode();
            values.set("1900-01-01", parameter.getValue());
            ((ObjectNode) definition).set("values", values);
        }
        Map<String, String> contents = new HashMap<>(files.contents());
        contents.put("parameters.yaml", YAML.writeValueAsString(catalogue));
        return new RuleFiles(files.origin() + " with the scenario's parameters", contents);
    }
}
