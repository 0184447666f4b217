package dk.visitationadvisor.assessment;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.ruleengine.Evaluation;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.authoring.InMemoryAssessmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * One assessment of the contract's example family, in process: the whole assessment (facts, rules,
 * explanation), the rule evaluation alone, and the engine's floor: the same facts through a rule
 * set with one rule, so that the cost of our rules reads as a ratio against the engine's own.
 */
@State(Scope.Benchmark)
public class AssessmentBenchmark {

    static final AssessmentRequest TYPICAL_FAMILY = Families.PREGNANT_MOTHER;

    private AssessmentService service;
    private RuleEngine engine;
    private RuleEngine floor;
    private List<Object> facts;

    @Setup
    public void buildRuleSets() throws Exception {
        Path rules = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
        engine = new RuleEngine(RuleSetBuilder.build(RuleFiles.fromDirectory(rules)));
        service = new AssessmentService(new LiveRuleSet(engine), new Explainer(), Clock.systemDefaultZone(),
                new InMemoryAssessmentStore(), JsonMapper.builder().build());
        floor = new RuleEngine(RuleSetBuilder.build(RuleFiles.fromDirectory(floorRuleSet(rules))));
        facts = FamilyFacts.of(TYPICAL_FAMILY, TYPICAL_FAMILY.assessmentDate(), Optional.empty());
    }

    @Benchmark
    public String assessTypicalFamily() {
        return service.assess(TYPICAL_FAMILY, Locale.ENGLISH, "benchmark").body();
    }

    @Benchmark
    public Evaluation evaluateTypicalFamily() {
        return engine.evaluate(facts, TYPICAL_FAMILY.assessmentDate());
    }

    @Benchmark
    public Evaluation evaluateOnEngineFloor() {
        return floor.evaluate(facts, TYPICAL_FAMILY.assessmentDate());
    }

    /** The repository's parameters and sources with a single rule that matches the household. */
    private static Path floorRuleSet(Path rules) throws Exception {
        Path floor = Files.createTempDirectory("floor-rules");
        Files.copy(rules.resolve("parameters.yaml"), floor.resolve("parameters.yaml"));
        Files.copy(rules.resolve("sources.yaml"), floor.resolve("sources.yaml"));
        Files.writeString(floor.resolve("floor.drl"), """
                package rules.floor;
                import dk.visitationadvisor.facts.*;
                rule "FLOOR"
                    @code("FLOOR") @kind("STATUS") @text_da("x") @text_en("x")
                    ruleflow-group "status"
                when
                    Household()
                then
                end
                """);
        return floor;
    }
}
