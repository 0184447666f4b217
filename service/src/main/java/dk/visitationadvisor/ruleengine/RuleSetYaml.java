package dk.visitationadvisor.ruleengine;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a YAML file of the rule set whose top level maps names to entries, naming the line of an error. */
final class RuleSetYaml {

    /** A key written twice is an error, not the last one silently winning. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private RuleSetYaml() {
    }

    static JsonNode entries(String file, String yaml, String expected) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new RuleSetException(List.of(new RuleSetProblem(file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new RuleSetException(file, expected);
        }
        return root;
    }
}
