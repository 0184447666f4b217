package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Parameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Every parameter of a rule set, read from {@code parameters.yaml}. */
public record ParameterCatalogue(Map<String, ParameterDefinition> definitions) {

    /** The fields of a parameter; {@code local} may be left out (false). */
    static final List<String> REQUIRED = List.of("description", "reference", "unit", "values");
    static final Set<String> FIELDS = Set.of("description", "reference", "unit", "local", "values");

    /**
     * Reads parameters.yaml strictly: every parameter has its required fields and no others, a known unit,
     * and every dated value (the future ones too) of the unit's type and in its range. Every mistake is
     * reported with its line.
     */
    public static ParameterCatalogue parse(String yaml) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        JsonNode root = RuleSetYaml.entries(RuleFiles.PARAMETERS, yaml, "Expected one entry per parameter");
        YamlLines lines = new YamlLines(yaml);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            int line = lines.of(name);
            if (!node.isObject()) {
                problems.add(problem(line, name, "must hold description, reference, unit, local and values, "
                        + "each indented under it; found \"" + node.asString("") + "\" (check the indentation)"));
                continue;
            }
            for (String field : REQUIRED) {
                if (node.path(field).isMissingNode() || node.path(field).isNull()) {
                    problems.add(problem(line, name, "has no '" + field + "'"));
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!FIELDS.contains(field.getKey())) {
                    problems.add(problem(lines.of(name, field.getKey()), name, "has an unknown field '" + field.getKey()
                            + "'; the fields are " + new TreeSet<>(FIELDS) + " (check the spelling and indentation)"));
                }
            }
            for (String text : List.of("description", "reference", "unit")) {
                JsonNode value = node.path(text);
                if (!value.isMissingNode() && !value.isNull() && !value.isString()) {
                    problems.add(problem(lines.of(name, text), name, "'" + text + "' must be a text"));
                }
            }
            if (!node.path("local").isMissingNode() && !node.path("local").isBoolean()) {
                problems.add(problem(lines.of(name, "local"), name, "'local' must be true or false"));
            }
            String unit = node.path("unit").asString("");
            ParameterUnit schema = ParameterUnit.find(unit).orElse(null);
            if (schema == null && node.path("unit").isString()) {
                problems.add(problem(lines.of(name, "unit"), name, "has the unknown unit '" + unit
                        + "'; the units are " + ParameterUnit.names()));
            }
            JsonNode valuesNode = node.path("values");
            if (!valuesNode.isMissingNode() && !valuesNode.isNull() && !valuesNode.isObject()) {
                problems.add(problem(lines.of(name, "values"), name, "'values' must list dated values, one per line "
                        + "as YYYY-MM-DD: value, indented under it"));
            }
            TreeMap<LocalDate, Object> values = new TreeMap<>();
            for (Map.Entry<String, JsonNode> value : valuesNode.properties()) {
                int valueLine = lines.of(name, "values", value.getKey());
                try {
                    values.put(LocalDate.parse(value.getKey()), scalar(value.getValue()));
                } catch (DateTimeParseException e) {
                    problems.add(problem(valueLine, name, "value key '" + value.getKey() + "' is not a date (YYYY-MM-DD)"));
                }
                if (schema != null) {
                    schema.check(value.getValue()).ifPresent(message -> problems.add(problem(valueLine, name,
                            "value of " + value.getKey() + " " + message)));
                }
            }
            definitions.put(name, new ParameterDefinition(name, node.path("description").asString(""),
                    node.path("reference").asString(""), unit, node.path("local").asBoolean(false), values));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new ParameterCatalogue(Map.copyOf(definitions));
    }

    private static Object scalar(JsonNode value) {
        return value.isNumber() ? value.numberValue() : value.asString();
    }

    private static RuleSetProblem problem(int line, String name, String message) {
        return new RuleSetProblem(RuleFiles.PARAMETERS, line, "parameter '" + name + "' " + message);
    }

    /** The values in force on a date, for the rules' {@code params} global. */
    public Parameters inForceOn(LocalDate date) {
        Map<String, Object> values = new TreeMap<>();
        definitions.forEach((name, definition) -> definition.valueOn(date).ifPresent(v -> values.put(name, v)));
        return new Parameters(values);
    }

    public boolean defines(String name) {
        return definitions.containsKey(name);
    }

    /** True for a local-policy parameter ({@code local: true}): a number the sources do not give. */
    public boolean isLocal(String name) {
        ParameterDefinition definition = definitions.get(name);
        return definition != null && definition.local();
    }
}
