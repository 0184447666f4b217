package dk.visitationadvisor.authoring;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.whatif.WhatIf;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
    private final Map<JsonNode, RuleSet> variants = new HashMap<>();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    /** Builds the rule set; a {@link dk.visitationadvisor.ruleengine.RuleSetException} says why it cannot. */
    public ScenarioRunner(RuleFiles files) {
        this(RuleSetBuilder.build(files));
    }

    /** Runs scenarios against a rule set already built. */
    public ScenarioRunner(RuleSet ruleSet) {
        this.files = new RuleFiles(ruleSet.origin(), ruleSet.files());
        this.ruleSet = ruleSet;
        this.inclusionCodes = ruleSet.rules().values().stream()
                .filter(rule -> rule.kind() == RuleKind.INCLUSION)
                .collect(Collectors.groupingBy(rule -> rule.programme().name(),
                        Collectors.mapping(RuleDescription::code, Collectors.toCollection(TreeSet::new))));
        variants.put(MissingNode.getInstance(), ruleSet);
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
        AssessmentService service = new AssessmentService(new LiveRuleSet(new RuleEngine(ruleSetFor(scenario.parameters()))),
                new Explainer(), Clock.systemDefaultZone(), new InMemoryAssessmentStore(), json);
        scenario.history().forEach(earlier -> service.assess(earlier, Locale.ENGLISH, "scenario"));
        WhatIf.Asked asked = new WhatIf.Asked(ScenarioCheck.asksForRanking(scenario.expect()),
                ScenarioCheck.asksForCounterfactuals(scenario.expect()));
        AssessmentResponse answer = service.assess(scenario.family(), Locale.ENGLISH, "scenario",
                WhatIf.standalone(service, json).additions(scenario.family(), Locale.ENGLISH, true, asked)).response();
        differences.addAll(ScenarioCheck.differences(scenario.expect(), answer));
        differences.addAll(ScenarioCheck.invariantViolations(answer, inclusionCodes));
        return new Result(file, scenario.name(), differences, answer.firedRules());
    }

    public List<Result> runAll(Path directory) {
        return Scenario.filesBelow(directory).stream().map(this::run).toList();
    }

    /** The rule set, or a variant of it with the parameter values a scenario sets. */
    private RuleSet ruleSetFor(JsonNode parameters) {
        return variants.computeIfAbsent(parameters.isMissingNode() ? MissingNode.getInstance() : parameters,
                p -> RuleSetBuilder.build(ScenarioParameters.apply(files, p)));
    }

    private static List<AssessmentRequest> concat(List<AssessmentRequest> history, AssessmentRequest family) {
        List<AssessmentRequest> all = new ArrayList<>(history);
        all.add(family);
        return all;
    }
}
