package dk.visitationadvisor.ruleengine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The source passages that rules cite by id, read from {@code sources.yaml}. */
public record SourceCatalogue(Map<String, SourcePassage> passages) {

    public static SourceCatalogue parse(String yaml) {
        JsonNode root = RuleSetYaml.entries(RuleFiles.SOURCES, yaml, "Expected one entry per source passage");
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
