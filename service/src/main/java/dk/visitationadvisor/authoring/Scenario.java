package dk.visitationadvisor.authoring;

import dk.visitationadvisor.assessment.AssessmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario file from {@code test-cases/}: a family, as the API takes it, and what the rules must
 * answer; optionally the case's earlier assessments ({@code history}, earliest first), assessed and
 * stored before the family, and {@code parameters} that the scenario sets, e.g. a cutoff domain
 * experts have not set yet; and {@code judgedAt}, the date whose parameter values judge it (null: each
 * assessment's own date). See docs/rule-authoring.md for the format.
 */
public record Scenario(Path file, String name, List<AssessmentRequest> history, AssessmentRequest family, JsonNode expect,
        JsonNode parameters, LocalDate judgedAt) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static Scenario read(Path file) {
        JsonNode root = YAML.readTree(file.toFile());
        for (String key : List.of("name", "family", "expect")) {
            if (!root.hasNonNull(key)) {
                throw new IllegalArgumentException(file + ": the scenario has no '" + key + "'");
            }
        }
        List<AssessmentRequest> history = new ArrayList<>();
        for (JsonNode earlier : root.path("history")) {
            history.add(YAML.treeToValue(earlier, AssessmentRequest.class));
        }
        return new Scenario(file, root.get("name").asString(), List.copyOf(history),
                YAML.treeToValue(root.get("family"), AssessmentRequest.class), root.get("expect"),
                root.path("parameters"), root.hasNonNull("judgedAt") ? LocalDate.parse(root.get("judgedAt").asString())
                        : null);
    }

    /** Every scenario file below a directory, in a stable order. */
    public static List<Path> filesBelow(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
