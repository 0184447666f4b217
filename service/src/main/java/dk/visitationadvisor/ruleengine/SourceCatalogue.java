package dk.visitationadvisor.ruleengine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The source passages that rules cite by id, read from {@code sources.yaml}. */
public record SourceCatalogue(Map<String, SourcePassage> passages) {

    private static final YAMLMapper YAML = new YAMLMapper();

    public static SourceCatalogue parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new RuleSetException(List.of(new RuleSetProblem(RuleFiles.SOURCES,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new RuleSetException(RuleFiles.SOURCES, "Expected one entry per source passage");
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, SourcePassage> passages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode node = entry.getValue();
            for (String field : List.of("document", "section", "quote")) {
                if (node.path(field).asString("").isBlank()) {
                    problems.add(new RuleSetProblem(RuleFiles.SOURCES, 0,
                            "source '" + entry.getKey() + "' has no '" + field + "'"));
                }
            }
            passages.put(entry.getKey(), new SourcePassage(entry.getKey(), node.path("document").asString(""),
                    node.path("section").asString(""), node.path("quote").asString("").strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new SourceCatalogue(Map.copyOf(passages));
    }

    public Optional<SourcePassage> find(String id) {
        return Optional.ofNullable(passages.get(id));
    }
}
