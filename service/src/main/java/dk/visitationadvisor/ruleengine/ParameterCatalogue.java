package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Parameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Every parameter of a rule set, read from the parameter file of each rules folder
 * ({@code rules/<folder>/parameters.yaml}). A parameter is defined in one file and read by any rule.
 */
public record ParameterCatalogue(Map<String, ParameterDefinition> definitions) {

    /** The fields of a parameter; {@code local} may be left out (false). */
    static final List<String> REQUIRED = List.of("description", "unit", "values");
    static final Set<String> FIELDS = Set.of("description", "unit", "local", "values");
    /** The fields of a dated value, and of its reference. */
    static final Set<String> VALUE_FIELDS = Set.of("value", "reference");
    static final Set<String> REFERENCE_FIELDS = Set.of("source", "locator");

    /**
     * Reads every parameter file of a rule set strictly (see {@link #parse(String, String, SourceCatalogue)}),
     * and refuses a parameter defined in two files, and a parameter file outside a rules folder.
     */
    public static ParameterCatalogue parse(Map<String, String> files, SourceCatalogue sources) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        files.forEach((file, yaml) -> {
            if (!file.contains("/")) {
                problems.add(new RuleSetProblem(file, 0, "parameters belong in the folder of the rules that read "
                        + "them: move each to rules/<folder>/parameters.yaml (e.g. escalation/parameters.yaml)"));
                return;
            }
            try {
                parse(file, yaml, sources).definitions().forEach((name, definition) -> {
                    ParameterDefinition earlier = definitions.putIfAbsent(name, definition);
                    if (earlier != null) {
                        problems.add(new RuleSetProblem(file, new YamlLines(yaml).of(name), "parameter '" + name
                                + "' is also defined in " + earlier.file() + ": define each parameter once"));
                    }
                });
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new ParameterCatalogue(Map.copyOf(definitions));
    }

    /**
     * Reads one parameter file strictly: every parameter has its required fields and no others, a known
     * unit, and every dated value (the future ones too) of the unit's type and in its range, with a
     * reference that cites a passage of sources.yaml by its id (a local value may give only a locator).
     * Every mistake is reported with the file and its line.
     *
     * @param sources the passages a reference may cite; null to leave the ids unchecked
     */
    public static ParameterCatalogue parse(String file, String yaml, SourceCatalogue sources) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        JsonNode root = RuleSetYaml.entries(file, yaml, "Expected one entry per parameter");
        YamlLines lines = new YamlLines(yaml);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            int line = lines.of(name);
            if (!node.isObject()) {
                problems.add(problem(file, line, name, "must hold description, unit, local and values, "
                        + "each indented under it; found \"" + node.asString("") + "\" (check the indentation)"));
                continue;
            }
            for (String field : REQUIRED) {
                if (node.path(field).isMissingNode() || node.path(field).isNull()) {
                    problems.add(problem(file, line, name, "has no '" + field + "'"));
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!FIELDS.contains(field.getKey())) {
                    problems.add(problem(file, lines.of(name, field.getKey()), name, "has an unknown field '"
                            + field.getKey() + "'; the fields are " + new TreeSet<>(FIELDS)
                            + (field.getKey().equals("reference") ? " (each dated value has its own reference now)"
                                    : " (check the spelling and indentation)")));
                }
            }
            for (String text : List.of("description", "unit")) {
                JsonNode value = node.path(text);
                if (!value.isMissingNode() && !value.isNull() && !value.isString()) {
                    problems.add(problem(file, lines.of(name, text), name, "'" + text + "' must be a text"));
                }
            }
            if (!node.path("local").isMissingNode() && !node.path("local").isBoolean()) {
                problems.add(problem(file, lines.of(name, "local"), name, "'local' must be true or false"));
            }
            boolean local = node.path("local").asBoolean(false);
            String unit = node.path("unit").asString("");
            ParameterUnit schema = ParameterUnit.find(unit).orElse(null);
            if (schema == null && node.path("unit").isString()) {
                problems.add(problem(file, lines.of(name, "unit"), name, "has the unknown unit '" + unit
                        + "'; the units are " + ParameterUnit.names()));
            }
            JsonNode valuesNode = node.path("values");
            if (!valuesNode.isMissingNode() && !valuesNode.isNull() && !valuesNode.isObject()) {
                problems.add(problem(file, lines.of(name, "values"), name, "'values' must list dated values, "
                        + "each as YYYY-MM-DD: with its value and reference indented under it"));
            }
            TreeMap<LocalDate, Object> values = new TreeMap<>();
            TreeMap<LocalDate, ParameterReference> references = new TreeMap<>();
            for (Map.Entry<String, JsonNode> value : valuesNode.properties()) {
                String date = value.getKey();
                int valueLine = lines.of(name, "values", date);
                LocalDate effective = null;
                try {
                    effective = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    problems.add(problem(file, valueLine, name, "value key '" + date + "' is not a date (YYYY-MM-DD)"));
                }
                JsonNode dated = value.getValue();
                if (!dated.isObject()) {
                    problems.add(problem(file, valueLine, name, "value of " + date + " must hold 'value' and "
                            + "'reference', each indented under the date; found \"" + dated.asString(dated.toString())
                            + "\""));
                    continue;
                }
                for (Map.Entry<String, JsonNode> field : dated.properties()) {
                    if (!VALUE_FIELDS.contains(field.getKey())) {
                        problems.add(problem(file, lines.of(name, "values", date, field.getKey()), name,
                                "value of " + date + " has an unknown field '" + field.getKey() + "'; the fields are "
                                        + new TreeSet<>(VALUE_FIELDS) + " (check the spelling and indentation)"));
                    }
                }
                JsonNode number = dated.path("value");
                if (number.isMissingNode() || number.isNull()) {
                    problems.add(problem(file, valueLine, name, "value of " + date + " has no 'value'"));
                } else if (schema != null) {
                    int at = lines.of(name, "values", date, "value");
                    schema.check(number).ifPresent(message -> problems.add(problem(file, at == 0 ? valueLine : at,
                            name, "value of " + date + " " + message)));
                }
                ParameterReference reference = reference(file, lines, name, date, dated.path("reference"), local,
                        sources, problems);
                if (effective != null && !number.isMissingNode() && !number.isNull()) {
                    values.put(effective, scalar(number));
                    if (reference != null) {
                        references.put(effective, reference);
                    }
                }
            }
            definitions.put(name, new ParameterDefinition(name, file, node.path("description").asString(""),
                    unit, local, values, references));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new ParameterCatalogue(Map.copyOf(definitions));
    }

    private static ParameterReference reference(String file, YamlLines lines, String name, String date,
            JsonNode node, boolean local, SourceCatalogue sources, List<RuleSetProblem> problems) {
        int valueLine = lines.of(name, "values", date);
        int line = lines.of(name, "values", date, "reference");
        if (node.isMissingNode() || node.isNull()) {
            problems.add(problem(file, valueLine, name, "value of " + date + " has no 'reference': say where "
                    + "it comes from, with 'source:' (an id in sources.yaml) and, if needed, 'locator:'"));
            return null;
        }
        if (!node.isObject()) {
            problems.add(problem(file, line, name, "the reference of " + date + " must hold 'source:' (an id "
                    + "in sources.yaml) and, if needed, 'locator:', each indented under it; found \""
                    + node.asString(node.toString()) + "\""));
            return null;
        }
        int before = problems.size();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!REFERENCE_FIELDS.contains(field.getKey())) {
                problems.add(problem(file, lines.of(name, "values", date, "reference", field.getKey()), name,
                        "the reference of " + date + " has an unknown field '" + field.getKey() + "'; the fields are "
                                + new TreeSet<>(REFERENCE_FIELDS) + " (the source's text stays in sources.yaml)"));
            } else if (!field.getValue().isString() || field.getValue().asString().isBlank()) {
                problems.add(problem(file, lines.of(name, "values", date, "reference", field.getKey()), name,
                        "the reference of " + date + ": '" + field.getKey() + "' must be a text"));
            }
        }
        String source = node.path("source").isString() ? node.path("source").asString().strip() : null;
        String locator = node.path("locator").isString() ? node.path("locator").asString().strip() : null;
        if (source == null && !local) {
            problems.add(problem(file, line, name, "the reference of " + date + " has no 'source': a value that is "
                    + "not local policy cites the passage it comes from, by its id in sources.yaml"));
        } else if (source == null && locator == null) {
            problems.add(problem(file, line, name, "the reference of " + date + " has neither 'source' nor "
                    + "'locator': a local value says what it rests on"));
        }
        if (source != null && sources != null && sources.find(source).isEmpty()) {
            problems.add(problem(file, lines.of(name, "values", date, "reference", "source"), name,
                    "the reference of " + date + " cites \"" + source + "\", which is not in sources.yaml"));
        }
        return problems.size() > before ? null : new ParameterReference(source, locator);
    }

    /**
     * A unit of the parameter files (e.g. "risk factors") in Danish ("risikofaktorer"), for messages to
     * authors who read Danish; empty for a name that is not a unit.
     */
    public static java.util.Optional<String> unitInDanish(String unit) {
        return ParameterUnit.find(unit).map(ParameterUnit::danish);
    }

    private static Object scalar(JsonNode value) {
        return value.isNumber() ? value.numberValue() : value.asString();
    }

    private static RuleSetProblem problem(String file, int line, String name, String message) {
        return new RuleSetProblem(file, line, "parameter '" + name + "' " + message);
    }

    /** The values in force on a date, for the rules' {@code params} global. */
    public Parameters inForceOn(LocalDate date) {
        Map<String, Object> values = new TreeMap<>();
        definitions.forEach((name, definition) -> definition.valueOn(date).ifPresent(v -> values.put(name, v)));
        return new Parameters(values, date);
    }

    public boolean defines(String name) {
        return definitions.containsKey(name);
    }

    /** True for a local-policy parameter ({@code local: true}): a number the sources do not give. */
    public boolean isLocal(String name) {
        ParameterDefinition definition = definitions.get(name);
        return definition != null && definition.local();
    }

    /**
     * How a caseworker sees where a parameter's value comes from: the cited passage's document and
     * section, with the locator; empty for a value without a source (a local value, marked where shown).
     */
    public java.util.Optional<String> citation(String name, LocalDate date, SourceCatalogue sources) {
        ParameterDefinition definition = definitions.get(name);
        if (definition == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<ParameterReference> reference = date != null ? definition.referenceOn(date)
                : java.util.Optional.ofNullable(definition.references().lastEntry()).map(Map.Entry::getValue);
        return reference.filter(r -> r.source() != null).flatMap(r -> sources.find(r.source()).map(passage ->
                passage.citation() + (r.locator() == null ? "" : ": " + r.locator())));
    }

    /** The ids of the passages that some dated value cites. */
    public Set<String> citedSources() {
        Set<String> cited = new TreeSet<>();
        definitions.values().forEach(d -> d.references().values().stream()
                .map(ParameterReference::source).filter(s -> s != null).forEach(cited::add));
        return cited;
    }
}
