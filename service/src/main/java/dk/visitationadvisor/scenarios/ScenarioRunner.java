package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.assessment.AnswerAdditions;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.assessment.RulesFailedException;
import dk.visitationadvisor.assessment.whatif.WhatIf;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Runs scenario files against a rule set, each with a case history of its own in memory, and says
 * per scenario what differs from its expectations, in words a domain expert can act on.
 */
public final class ScenarioRunner {

    private final RuleFiles files;
    private final RuleSet ruleSet;
    private final Map<String, Set<String>> inclusionCodes;
    /** The date whose parameter values judge every scenario without a judgedAt of its own; null: its own dates. */
    private final LocalDate asOf;
    private final Map<List<Object>, RuleSet> variants = new HashMap<>();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    /** Builds the rule set; a {@link dk.visitationadvisor.ruleengine.RuleSetException} says why it cannot. */
    public ScenarioRunner(RuleFiles files) {
        this(RuleSetBuilder.build(files));
    }

    /** Runs scenarios against a rule set already built. */
    public ScenarioRunner(RuleSet ruleSet) {
        this(ruleSet, null);
    }

    /** Runs scenarios against a rule set, judged with the parameter values in force on {@code asOf}. */
    public ScenarioRunner(RuleSet ruleSet, LocalDate asOf) {
        this.asOf = asOf;
        this.files = new RuleFiles(ruleSet.origin(), ruleSet.files());
        this.ruleSet = ruleSet;
        this.inclusionCodes = ruleSet.rules().values().stream()
                .filter(rule -> rule.kind() == RuleKind.INCLUSION)
                .collect(Collectors.groupingBy(rule -> rule.programme().name(),
                        Collectors.mapping(RuleDescription::code, Collectors.toCollection(TreeSet::new))));
        variants.put(Arrays.asList(null, MissingNode.getInstance()), ruleSet);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** One scenario's result: what differs (nothing when it passed), and the rules that fired. */
    public record Result(Path file, String name, List<String> differences, List<String> firedRules) {

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    public Result run(Path file) {
        Scenario scenario;
        try {
            scenario = Scenario.read(file);
        } catch (RuntimeException e) {
            return new Result(file, file.getFileName().toString(), List.of("cannot be read: " + e.getMessage()),
                    List.of());
        }
        List<String> differences = new ArrayList<>();
        for (AssessmentRequest request : concat(scenario.history(), scenario.family())) {
            for (ConstraintViolation<AssessmentRequest> violation : validator.validate(request)) {
                differences.add("invalid family: " + violation.getPropertyPath() + " " + violation.getMessage());
            }
        }
        if (!differences.isEmpty()) {
            return new Result(file, scenario.name(), differences, List.of());
        }
        // A service of the scenario's own: its earlier assessments are its case history, nobody else's.
        JsonMapper json = JsonMapper.builder().build();
        AssessmentService service = new AssessmentService(new LiveRuleSet(new RuleEngine(ruleSetFor(
                scenario.judgedAt() != null ? scenario.judgedAt() : asOf, scenario.parameters()))),
                new Explainer(), Clock.systemDefaultZone(), new InMemoryAssessmentStore(), json);
        AnswerAdditions.Asked asked = new AnswerAdditions.Asked(ScenarioCheck.asksForRanking(scenario.expect()),
                ScenarioCheck.asksForCounterfactuals(scenario.expect()));
        AssessmentResponse answer;
        try {
            scenario.history().forEach(earlier -> service.assess(earlier, Locale.ENGLISH, "scenario"));
            answer = service.assess(scenario.family(), Locale.ENGLISH, "scenario",
                    WhatIf.standalone(service, json).additions(scenario.family(), Locale.ENGLISH, true, asked)).response();
        } catch (RulesFailedException e) {
            // A rule that throws, or rules that loop (stopped after RuleEngine's limit of firings): this
            // scenario fails, the others still run.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new Result(file, scenario.name(), List.of("the rules could not answer: " + e.getMessage()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage())), List.of());
        }
        differences.addAll(ScenarioCheck.differences(scenario.expect(), answer));
        differences.addAll(ScenarioCheck.invariantViolations(answer, inclusionCodes));
        return new Result(file, scenario.name(), differences, answer.firedRules());
    }

    public List<Result> runAll(Path directory) {
        return runAll(directory, null);
    }

    /**
     * Runs the scenarios until a deadline: those not started by then fail as not run, so that a slow or
     * looping candidate is stopped and reported instead of holding the caller (and the activation lock).
     */
    public List<Result> runAll(Path directory, Instant deadline) {
        List<Result> results = new ArrayList<>();
        for (Path file : Scenario.filesBelow(directory)) {
            if (deadline != null && Instant.now().isAfter(deadline)) {
                results.add(new Result(file, file.getFileName().toString(), List.of("not run: the time limit for "
                        + "checking a rule set was reached; the rule set is too slow or loops"), List.of()));
            } else {
                results.add(run(file));
            }
        }
        return results;
    }

    /** The rule set, or a variant of it with the parameter values of a date and those a scenario sets. */
    private RuleSet ruleSetFor(LocalDate date, JsonNode parameters) {
        JsonNode set = parameters.isMissingNode() ? MissingNode.getInstance() : parameters;
        return variants.computeIfAbsent(Arrays.asList(date, set), key -> {
            RuleFiles dated = date == null ? files : ScenarioParameters.asOf(files, date);
            return RuleSetBuilder.build(set.isMissingNode() ? dated : ScenarioParameters.apply(dated, set));
        });
    }

    private static List<AssessmentRequest> concat(List<AssessmentRequest> history, AssessmentRequest family) {
        List<AssessmentRequest> all = new ArrayList<>(history);
        all.add(family);
        return all;
    }
}
