package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.RuleKind;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dk.visitationadvisor.support.InMemoryAssessmentStore;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario under {@code test-cases/} through the real rule files in {@code rules/}. Set
 * {@code -Dscenarios=family-placement/inclusion} to run one folder only.
 */
class ScenarioTest {

    static final Path RULES = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
    static final Path SCENARIOS = Path.of(System.getProperty("advisor.scenarios.directory", "../test-cases"));

    private static RuleFiles ruleFiles;
    private static final Map<JsonNode, AssessmentService> SERVICES = new HashMap<>();
    private static Map<String, Set<String>> inclusionCodes;
    private static Validator validator;

    @BeforeAll
    static void buildRuleSet() {
        ruleFiles = RuleFiles.fromDirectory(RULES);
        RuleSet ruleSet = RuleSetBuilder.build(ruleFiles);
        SERVICES.put(MissingNode.getInstance(), service(ruleSet));
        inclusionCodes = ruleSet.rules().values().stream()
                .filter(rule -> rule.kind() == RuleKind.INCLUSION)
                .collect(Collectors.groupingBy(rule -> rule.programme().name(),
                        Collectors.mapping(rule -> rule.code(), Collectors.toCollection(TreeSet::new))));
        validator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    private static AssessmentService service(RuleSet ruleSet) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("Europe/Copenhagen"));
        return new AssessmentService(new RuleEngine(ruleSet), new Explainer(), clock, new InMemoryAssessmentStore(),
                JsonMapper.builder().build());
    }

    /** The repository's rule set, or a variant of it with the parameter values a scenario sets. */
    private static AssessmentService serviceFor(JsonNode parameters) {
        return SERVICES.computeIfAbsent(parameters.isMissingNode() ? MissingNode.getInstance() : parameters,
                p -> service(RuleSetBuilder.build(ScenarioParameters.apply(ruleFiles, p))));
    }

    static Stream<Named<Path>> scenarios() {
        Path directory = SCENARIOS.resolve(System.getProperty("scenarios", ""));
        return Scenario.filesBelow(directory).stream()
                .map(file -> Named.of(SCENARIOS.relativize(file).toString(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersAsTheScenarioExpects(Path file) {
        Scenario scenario = Scenario.read(file);
        Set<ConstraintViolation<AssessmentRequest>> violations = validator.validate(scenario.family());
        assertThat(violations).as("the scenario's family must be a valid request").isEmpty();

        AssessmentService service = serviceFor(scenario.parameters());
        // The case's earlier assessments first, in order, each one stored as it would be in the service.
        for (AssessmentRequest earlier : scenario.history()) {
            assertThat(validator.validate(earlier)).as("an earlier assessment must be a valid request").isEmpty();
            service.assess(earlier, Locale.ENGLISH, "scenario");
        }
        AssessmentResponse answer = service.assess(scenario.family(), Locale.ENGLISH, "scenario").response();

        List<String> problems = new ArrayList<>(ScenarioCheck.differences(scenario.expect(), answer));
        problems.addAll(ScenarioCheck.invariantViolations(answer, inclusionCodes));
        assertThat(problems).as("%s%n  %s", scenario.name(), file).isEmpty();
    }
}
