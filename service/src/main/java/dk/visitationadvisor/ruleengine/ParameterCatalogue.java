package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Parameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Every parameter of a rule set, read from {@code parameters.yaml}. */
public record ParameterCatalogue(Map<String, ParameterDefinition> definitions) {

    public static ParameterCatalogue parse(String yaml) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        JsonNode root = RuleSetYaml.entries(RuleFiles.PARAMETERS, yaml, "Expected one entry per parameter");
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            for (String field : List.of("description", "reference", "unit", "values")) {
                if (node.path(field).isMissingNode() || node.path(field).isNull()) {
                    problems.add(problem(name, "has no '" + field + "'"));
                }
            }
            TreeMap<LocalDate, Object> values = new TreeMap<>();
            for (Map.Entry<String, JsonNode> value : node.path("values").properties()) {
                try {
                    values.put(LocalDate.parse(value.getKey()), scalar(value.getValue()));
                } catch (DateTimeParseException e) {
                    problems.add(problem(name, "value key '" + value.getKey() + "' is not a date (YYYY-MM-DD)"));
                }
            }
            definitions.put(name, new ParameterDefinition(name, node.path("description").asString(""),
                    node.path("reference").asString(""), node.path("unit").asString(""),
                    node.path("local").asBoolean(false), values));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new ParameterCatalogue(Map.copyOf(definitions));
    }

    private static Object scalar(JsonNode value) {
        return value.isNumber() ? value.numberValue() : value.asString();
    }

    private static RuleSetProblem problem(String name, String message) {
        return new RuleSetProblem(RuleFiles.PARAMETERS, 0, "parameter '" + name + "' " + message);
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
