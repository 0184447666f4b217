package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.assessment.AssessmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A scenario file from {@code test-cases/}: a family, as the API takes it, and what the rules must
 * answer; optionally the case's earlier assessments ({@code history}, earliest first), assessed and
 * stored before the family, and {@code parameters} that the scenario sets, e.g. a cutoff domain
 * experts have not set yet; and {@code judgedAt}, the date whose parameter values judge it (null: each
 * assessment's own date). See docs/rule-authoring.md for the format.
 *
 * <p>A family (or an earlier assessment under {@code history}) may say {@code extends: <fixture>}: it
 * is then the family in {@code fixtures/<fixture>.yaml}, found in the nearest folder above the
 * scenario that has a {@code fixtures} folder, with the scenario's other keys laid over it (objects
 * merged key by key, lists and values replaced, {@code null} making a field unknown). A fixture may
 * extend another. Files under a {@code fixtures} folder are not scenarios.
 */
public record Scenario(Path file, String name, List<AssessmentRequest> history, AssessmentRequest family, JsonNode expect,
        JsonNode parameters, LocalDate judgedAt) {

    /** An unknown field or a key written twice is an error, not ignored or the last one silently winning. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
            history.add(YAML.treeToValue(withFixture(file, earlier, new LinkedHashSet<>()), AssessmentRequest.class));
        }
        return new Scenario(file, root.get("name").asString(), List.copyOf(history),
                YAML.treeToValue(withFixture(file, root.get("family"), new LinkedHashSet<>()), AssessmentRequest.class),
                root.get("expect"),
                root.path("parameters"), root.hasNonNull("judgedAt") ? LocalDate.parse(root.get("judgedAt").asString())
                        : null);
    }

    /** The folder of family fixtures in use for a scenario file: the nearest {@code fixtures} folder above it. */
    static Path fixturesFor(Path file) {
        for (Path folder = file.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve(FIXTURES))) {
                return folder.resolve(FIXTURES);
            }
        }
        return null;
    }

    /** The family with the fixture it extends merged under it; {@code seen} are the fixtures on the way, against cycles. */
    private static JsonNode withFixture(Path file, JsonNode family, Set<String> seen) {
        if (!(family instanceof ObjectNode object) || !object.has("extends")) {
            return family;
        }
        JsonNode named = object.get("extends");
        if (!named.isString() || !named.asString().matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException(file + ": 'extends' must name a fixture, e.g. extends: in-course-supportive"
                    + " for test-cases/fixtures/in-course-supportive.yaml; it was: " + named);
        }
        String name = named.asString();
        Path fixtures = fixturesFor(file);
        Path fixture = fixtures == null ? null : fixtures.resolve(name + ".yaml");
        if (fixture == null || !Files.isRegularFile(fixture)) {
            throw new IllegalArgumentException(file + ": the family extends the fixture '" + name
                    + "', but there is no file " + name + ".yaml in " + (fixtures == null ? "a fixtures folder" : fixtures)
                    + "; the fixtures are: " + fixtureNames(fixtures));
        }
        if (!seen.add(name)) {
            throw new IllegalArgumentException(file + ": the fixtures extend each other in a circle: "
                    + String.join(" -> ", seen) + " -> " + name);
        }
        JsonNode base;
        try {
            base = YAML.readTree(fixture.toFile());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(fixture + ": the fixture cannot be read: " + e.getMessage(), e);
        }
        if (!(base instanceof ObjectNode)) {
            throw new IllegalArgumentException(fixture + ": a fixture is a family (keys such as caseRef, parents, concern)");
        }
        ObjectNode merged = (ObjectNode) withFixture(fixture, base, seen).deepCopy();
        ObjectNode overrides = object.deepCopy();
        overrides.remove("extends");
        merge(merged, overrides);
        return merged;
    }

    /** Lays {@code overrides} over {@code base}: objects key by key, anything else replaced. */
    private static void merge(ObjectNode base, ObjectNode overrides) {
        for (Map.Entry<String, JsonNode> entry : overrides.properties()) {
            JsonNode current = base.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue() instanceof ObjectNode override) {
                merge(currentObject, override);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static String fixtureNames(Path fixtures) {
        if (fixtures == null) {
            return "none";
        }
        try (Stream<Path> files = Files.list(fixtures)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String FIXTURES = "fixtures";

    /** Every scenario file below a directory, in a stable order; files under a {@code fixtures} folder are not scenarios. */
    public static List<Path> filesBelow(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !underFixtures(directory.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean underFixtures(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(FIXTURES)) {
                return true;
            }
        }
        return false;
    }
}
