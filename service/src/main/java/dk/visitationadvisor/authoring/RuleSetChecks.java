package dk.visitationadvisor.authoring;

import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetException;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What an author asks of a candidate rule set before it goes live: does it build, do the scenarios
 * pass, and what do they leave untested. Nothing here touches the live rules.
 */
@Service
public class RuleSetChecks {

    private final Path scenarios;
    private final Candidates candidates;
    /** How long checking one rule set against the scenarios may take; what is not run by then fails. */
    private final Duration timeLimit;

    public RuleSetChecks(@Value("${advisor.scenarios.directory:test-cases}") Path scenarios, Candidates candidates,
            @Value("${advisor.rules.check-time-limit:PT2M}") Duration timeLimit) {
        this.scenarios = scenarios;
        this.candidates = candidates;
        this.timeLimit = timeLimit;
    }

    public ValidationReport validate(CandidateRuleSet candidate) {
        return validate(candidates.files(candidate));
    }

    public ScenarioReport test(CandidateRuleSet candidate) {
        return test(candidates.build(candidate));
    }

    public CoverageReport coverage(CandidateRuleSet candidate) {
        return coverage(candidates.build(candidate));
    }

    /** Every error and warning, with file and line. */
    public ValidationReport validate(RuleFiles files) {
        try {
            RuleSet ruleSet = RuleSetBuilder.build(files);
            return new ValidationReport(true, ruleSet.version(), ruleSet.rules().size(), List.of(),
                    FileProblem.of(ruleSet.warnings()));
        } catch (RuleSetException e) {
            return new ValidationReport(false, files.version(), 0, FileProblem.of(e.problems()), List.of());
        }
    }

    /** Runs every scenario against the rule set. */
    public ScenarioReport test(RuleSet ruleSet) {
        return test(ruleSet, null);
    }

    /** Runs every scenario against the rule set, judged with the parameter values in force on a date. */
    public ScenarioReport test(RuleSet ruleSet, java.time.LocalDate asOf) {
        List<ScenarioRunner.Result> results = new ScenarioRunner(ruleSet, asOf).runAll(scenarioFolder(),
                Instant.now().plus(timeLimit));
        return ScenarioReport.of(ruleSet.version(), scenarios, results);
    }

    /** The rules no scenario makes fire, and the codes no scenario mentions. */
    public CoverageReport coverage(RuleSet ruleSet) {
        Path folder = scenarioFolder();
        Coverage coverage = Coverage.of(ruleSet, new ScenarioRunner(ruleSet).runAll(folder, Instant.now().plus(timeLimit)),
                Scenario.filesBelow(folder));
        return new CoverageReport(ruleSet.version(), coverage.rules(),
                coverage.rules() - coverage.rulesNeverFired().size(), coverage.codes(),
                coverage.codes() - coverage.codesWithoutScenario().size(), List.copyOf(coverage.rulesNeverFired()),
                List.copyOf(coverage.codesWithoutScenario()));
    }

    private Path scenarioFolder() {
        if (!Files.isDirectory(scenarios)) {
            throw new ScenariosUnavailableException("There is no scenario folder at " + scenarios.toAbsolutePath()
                    + "; set advisor.scenarios.directory to the test-cases folder");
        }
        return scenarios;
    }

    /** @param errors empty when {@code valid}; {@code rules} is 0 when not */
    public record ValidationReport(boolean valid, String version, int rules, List<FileProblem> errors,
            List<FileProblem> warnings) {
    }

    public record CoverageReport(String version, int rules, int rulesFired, int codes, int codesInScenarios,
            List<String> rulesNeverFired, List<String> codesWithoutScenario) {
    }

    /** Every scenario's result; a failed one says how the answer differs from what it expects. */
    public record ScenarioReport(String version, int passed, int failed, List<ScenarioOutcome> scenarios) {

        static ScenarioReport of(String version, Path folder, List<ScenarioRunner.Result> results) {
            List<ScenarioOutcome> outcomes = results.stream()
                    .map(r -> new ScenarioOutcome(folder.relativize(r.file()).toString().replace('\\', '/'), r.name(),
                            r.passed(), r.differences()))
                    .toList();
            int passed = (int) outcomes.stream().filter(ScenarioOutcome::passed).count();
            return new ScenarioReport(version, passed, outcomes.size() - passed, outcomes);
        }

        public List<ScenarioOutcome> failures() {
            return scenarios.stream().filter(s -> !s.passed()).toList();
        }
    }

    public record ScenarioOutcome(String file, String name, boolean passed, List<String> differences) {
    }
}
