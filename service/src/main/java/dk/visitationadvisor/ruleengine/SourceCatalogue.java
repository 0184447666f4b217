package dk.visitationadvisor.ruleengine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The source passages that rules and parameter values cite by id, read from {@code sources.yaml}. A
 * passage of a programme document has a document, a section and a quote; a reference to published
 * literature ({@code kind: literature}) has a document and a section, and no quote.
 */
public record SourceCatalogue(Map<String, SourcePassage> passages) {

    /** A passage of a programme document (the default), or a reference to published literature. */
    static final List<String> KINDS = List.of("passage", "literature");

    public static SourceCatalogue parse(String yaml) {
        JsonNode root = RuleSetYaml.entries(RuleFiles.SOURCES, yaml, "Expected one entry per source passage");
        List<RuleSetProblem> problems = new ArrayList<>();
        YamlLines lines = new YamlLines(yaml);
        Map<String, SourcePassage> passages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode node = entry.getValue();
            int line = lines.of(entry.getKey());
            String kind = node.path("kind").asString("passage");
            if (!KINDS.contains(kind)) {
                problems.add(new RuleSetProblem(RuleFiles.SOURCES, lines.of(entry.getKey(), "kind"),
                        "source '" + entry.getKey() + "' has the unknown kind '" + kind + "'; the kinds are " + KINDS));
            }
            List<String> required = kind.equals("literature") ? List.of("document", "section")
                    : List.of("document", "section", "quote");
            for (String field : required) {
                if (node.path(field).asString("").isBlank()) {
                    problems.add(new RuleSetProblem(RuleFiles.SOURCES, line,
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
