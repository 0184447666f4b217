package dk.visitationadvisor.authoring;

import dk.visitationadvisor.ruleengine.RuleFiles;
import java.util.HashMap;
import java.util.Map;
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
