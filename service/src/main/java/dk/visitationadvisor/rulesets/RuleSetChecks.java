package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.scenarios.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What an author asks of a candidate rule set before it goes live: does it build, do the scenarios
 * pass, and what do they leave untested. Each check runs in a worker process of its own
 * ({@link CandidateWorkers}); nothing here touches the live rules.
 */
@Service
public class RuleSetChecks {

    private final Path scenarios;
    private final Candidates candidates;
    private final CandidateWorkers workers;

    public RuleSetChecks(@Value("${advisor.scenarios.directory:test-cases}") Path scenarios, Candidates candidates,
            CandidateWorkers workers) {
        this.scenarios = scenarios;
        this.candidates = candidates;
        this.workers = workers;
    }

    public ValidationReport validate(CandidateRuleSet candidate) {
        return validate(candidates.files(candidate));
    }

    /** Every error and warning, with file and line. */
    public ValidationReport validate(RuleFiles files) {
        try {
            return workers.run(new CandidateTask.Validation(files.contents()), ValidationReport.class);
        } catch (InvalidRuleSetException refused) {
            return ValidationReport.invalid(files.version(), refused.errors());
        }
    }

    /** Runs every scenario against the candidate. */
    public ScenarioReport test(CandidateRuleSet candidate) {
        scenarioFolder();
        return workers.run(new CandidateTask.ScenarioRun(candidates.files(candidate).contents(), null, null),
                ScenarioRuns.class).runs().get(0).report();
    }

    /**
     * What an activation asks: every scenario, then again on each date after {@code today} on which a
     * parameter value of the candidate takes effect, up to the first run that fails.
     */
    public List<DatedScenarioReport> testWithFutureValues(RuleFiles files, LocalDate today) {
        scenarioFolder();
        return workers.run(new CandidateTask.ScenarioRun(files.contents(), null, today), ScenarioRuns.class).runs();
    }

    /** The rules no scenario makes fire, and the codes no scenario mentions. */
    public CoverageReport coverage(CandidateRuleSet candidate) {
        scenarioFolder();
        return workers.run(new CandidateTask.CoverageRun(candidates.files(candidate).contents()),
                CoverageReport.class);
    }

    private void scenarioFolder() {
        if (!Files.isDirectory(scenarios)) {
            throw new ScenariosUnavailableException("There is no scenario folder at " + scenarios.toAbsolutePath()
                    + "; set advisor.scenarios.directory to the test-cases folder");
        }
    }

    /** @param errors empty when {@code valid}; {@code rules} is 0 when not */
    public record ValidationReport(boolean valid, String version, int rules, List<FileProblem> errors,
            List<FileProblem> warnings) {

        static ValidationReport invalid(String version, List<FileProblem> errors) {
            return new ValidationReport(false, version, 0, errors, List.of());
        }
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

    /** A run of the scenarios judged with the parameter values of a date ({@code asOf}; null: their own dates). */
    public record DatedScenarioReport(LocalDate asOf, ScenarioReport report) {
    }

    /** The runs a worker made, in the order it made them. */
    record ScenarioRuns(List<DatedScenarioReport> runs) {
    }

    public record ScenarioOutcome(String file, String name, boolean passed, List<String> differences) {
    }
}
