package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Criterion;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Turns rule files into a {@link RuleSet}, or fails with every problem an author must fix: what
 * leaves the allowed subset of the rule language ({@link RulePolicy}, checked before anything compiles), compile
 * errors, and rules whose metadata, step, cited sources or parameters are missing or unknown.
 */
public final class RuleSetBuilder {

    private static final Set<RuleKind> PER_PROGRAMME = EnumSet.of(RuleKind.CLASSIFICATION,
            RuleKind.INCLUSION, RuleKind.EXCLUSION, RuleKind.ASSESSMENT, RuleKind.SUGGESTION);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private RuleSetBuilder() {
    }

    public static RuleSet build(RuleFiles files) {
        SourceCatalogue sources = SourceCatalogue.parse(files.required(RuleFiles.SOURCES));
        ParameterCatalogue parameters = ParameterCatalogue.parse(files.parameterFiles(), sources);
        Map<String, String> drlFiles = files.drlFiles();
        if (drlFiles.isEmpty()) {
            throw new RuleSetException(files.origin(), "No rule files (*.drl) found");
        }
        // The compiler runs code in annotations and consequences: only the checked subset may reach it.
        RuleSetCompiler.Compiled compiled = RuleSetCompiler.compile(RulePolicy.compilable(drlFiles));
        KieBase kieBase = compiled.kieBase();

        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, RuleText> texts = ruleTexts(drlFiles, problems);
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        boolean usesParameters = false;
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            usesParameters |= kiePackage.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("params"));
            for (Rule rule : kiePackage.getRules()) {
                RuleText text = texts.get(rule.getName());
                if (text != null) {
                    describe(rule, text, parameters, sources, problems).ifPresent(d -> rules.put(d.name(), d));
                }
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleSetProblem(files.origin(), 0, "The rule files define no rules"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        List<RuleSetProblem> warnings = new ArrayList<>(compiled.warnings());
        warnings.addAll(unused(rules.values(), parameters, sources));
        return new RuleSet(files.version(), files.origin(), files.contents(), kieBase, Map.copyOf(rules), parameters,
                sources, criteria(rules.values()), usesParameters, List.copyOf(warnings));
    }

    /** Parameters no rule reads and passages no rule cites: not wrong, but likely left behind by an edit. */
    private static List<RuleSetProblem> unused(Collection<RuleDescription> rules, ParameterCatalogue parameters,
            SourceCatalogue sources) {
        Set<String> read = new HashSet<>();
        Set<String> cited = new HashSet<>(parameters.citedSources());
        rules.forEach(rule -> {
            read.addAll(rule.parameters());
            cited.addAll(rule.sources());
        });
        List<RuleSetProblem> warnings = new ArrayList<>();
        parameters.definitions().values().stream().filter(definition -> !read.contains(definition.name()))
                .sorted(Comparator.comparing(ParameterDefinition::name))
                .forEach(definition -> warnings.add(new RuleSetProblem(definition.file(), 0,
                        "parameter \"" + definition.name() + "\" is read by no rule")));
        sources.passages().keySet().stream().filter(id -> !cited.contains(id)).sorted()
                .forEach(id -> warnings.add(new RuleSetProblem(RuleFiles.SOURCES, 0,
                        "source passage \"" + id + "\" is cited by no rule and no parameter value")));
        return warnings;
    }

    private static Map<String, RuleText> ruleTexts(Map<String, String> drlFiles, List<RuleSetProblem> problems) {
        Map<String, RuleText> texts = new HashMap<>();
        drlFiles.forEach((file, content) -> RuleText.scan(file, content).forEach(text -> {
            RuleText earlier = texts.putIfAbsent(text.name(), text);
            if (earlier != null) {
                problems.add(new RuleSetProblem(file, text.line(), "rule name \"" + text.name()
                        + "\" is also used at " + earlier.file() + ":" + earlier.line()));
            }
        }));
        return texts;
    }

    private static Optional<RuleDescription> describe(Rule rule, RuleText text,
            ParameterCatalogue parameters, SourceCatalogue sources, List<RuleSetProblem> problems) {
        int before = problems.size();
        Map<String, Object> meta = rule.getMetaData();
        String code = required(meta, "code", text, problems);
        String textDa = required(meta, "text_da", text, problems);
        String textEn = required(meta, "text_en", text, problems);
        RuleKind kind = enumValue(RuleKind.class, required(meta, "kind", text, problems), "kind", text,
                problems);
        // Criteria belong to a programme; other rules name one when they apply to it only.
        Programme programme = null;
        if (kind != null && PER_PROGRAMME.contains(kind)) {
            programme = enumValue(Programme.class, required(meta, "programme", text, problems), "programme", text,
                    problems);
        } else if (meta.get("programme") != null) {
            programme = enumValue(Programme.class, meta.get("programme").toString(), "programme", text, problems);
        }
        // Status rules combine findings; every other rule cites the passage it rests on.
        String sourceList = kind == RuleKind.STATUS ? String.valueOf(meta.getOrDefault("source", ""))
                : required(meta, "source", text, problems);
        List<String> sourceIds = Arrays.stream(String.valueOf(sourceList).split(","))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.equals("null")).toList();
        for (String sourceId : sourceIds) {
            if (sources.find(sourceId).isEmpty()) {
                problems.add(problem(text, "@source(\"" + sourceId + "\") is not in sources.yaml"));
            }
        }
        String step = text.step().orElse(null);
        if (step == null || !EvaluationSteps.ORDER.contains(step)) {
            problems.add(problem(text, "ruleflow-group must be one of the steps " + EvaluationSteps.ORDER
                    + ", found " + (step == null ? "none" : "\"" + step + "\"")));
        }
        Set<String> used = new LinkedHashSet<>(text.parameters());
        used.addAll(placeholders(textDa));
        used.addAll(placeholders(textEn));
        for (String parameter : used) {
            if (!parameters.defines(parameter)) {
                problems.add(problem(text, "parameter \"" + parameter + "\" is not defined in any rules/<folder>/parameters.yaml"));
            }
        }
        Severity severity = null;
        String actionDa = null;
        String actionEn = null;
        if (text.text().contains("Escalation.raise")) {
            severity = enumValue(Severity.class, required(meta, "severity", text, problems), "severity", text, problems);
            actionDa = required(meta, "action_da", text, problems);
            actionEn = required(meta, "action_en", text, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RuleDescription(rule.getName(), text.file(), text.line(), step, code, kind,
                programme, sourceIds, textDa, textEn, "true".equals(String.valueOf(meta.get("localPolicy"))),
                List.copyOf(used), severity, actionDa, actionEn, "true".equals(String.valueOf(meta.get("intensify"))),
                text.text()));
    }

    private static String required(Map<String, Object> meta, String key, RuleText text,
            List<RuleSetProblem> problems) {
        Object value = meta.get(key);
        if (value == null || value.toString().isBlank()) {
            problems.add(problem(text, "has no @" + key + "(...)"));
            return null;
        }
        return value.toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key, RuleText text,
            List<RuleSetProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(problem(text, "@" + key + "(\"" + value + "\") must be one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static List<Criterion> criteria(Collection<RuleDescription> rules) {
        Set<Criterion> criteria = new LinkedHashSet<>();
        rules.stream()
                .filter(r -> r.kind() == RuleKind.INCLUSION)
                .sorted(Comparator.comparing(RuleDescription::code))
                .forEach(r -> criteria.add(new Criterion(r.code(), r.programme(), r.kind())));
        return List.copyOf(criteria);
    }

    private static RuleSetProblem problem(RuleText text, String message) {
        return new RuleSetProblem(text.file(), text.line(), "rule \"" + text.name() + "\" " + message);
    }
}
