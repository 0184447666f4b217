package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.rulesets.RuleSetChecks.CoverageReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.DatedScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioRuns;
import dk.visitationadvisor.rulesets.RuleSetChecks.ValidationReport;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.RuleSetException;
import dk.visitationadvisor.scenarios.Coverage;
import dk.visitationadvisor.scenarios.Scenario;
import dk.visitationadvisor.scenarios.ScenarioRunner;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process a candidate rule set is compiled and run in, apart from the service ({@link CandidateWorkers}
 * starts it): it has no database, no secret and (where the system allows) no network, so that whatever a
 * candidate does, it does here. Reads one {@link CandidateTask} line, for an impact preview followed by one
 * stored case per line, and writes one {@link Answer} line.
 *
 * <p>Arguments: the scenario folder, and how long one run of the scenarios or one replay may take
 * (ISO-8601) before what is left is reported as not run.
 */
public final class CandidateWorker {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<StoredAssessment>> CASE = new TypeReference<>() {
    };

    /**
     * The worker's answer: the task's report as JSON, or the errors that keep the candidate from building, or
     * the kind of failure that ended the task.
     */
    record Answer(JsonNode report, List<FileProblem> errors, String failure) {
    }

    private final Path scenarios;
    private final Duration timeLimit;

    CandidateWorker(Path scenarios, Duration timeLimit) {
        this.scenarios = scenarios;
        this.timeLimit = timeLimit;
    }

    public static void main(String[] args) {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Whatever a library prints is not an answer.
        System.setOut(System.err);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CandidateWorker worker = new CandidateWorker(Path.of(args[0]), Duration.parse(args[1]));
        Answer answer;
        try {
            CandidateTask task = JSON.readValue(input.readLine(), CandidateTask.class);
            answer = new Answer(JSON.valueToTree(worker.run(task, input)), null, null);
        } catch (RuleSetException e) {
            answer = new Answer(null, FileProblem.of(e.problems()), null);
        } catch (IOException | RuntimeException e) {
            // Only the kind: a message may quote the input.
            answer = new Answer(null, null, e.getClass().getSimpleName());
        }
        answers.println(JSON.writeValueAsString(answer));
        // Drools and the replay's threads are not waited for: the answer is all that is wanted.
        System.exit(0);
    }

    Object run(CandidateTask task, BufferedReader input) {
        RuleFiles files = new RuleFiles("candidate", task.files());
        if (task instanceof CandidateTask.Validation) {
            return validate(files);
        }
        if (task instanceof CandidateTask.ScenarioRun run) {
            return test(RuleSetBuilder.build(files), run.asOf(), run.futureAfter());
        }
        if (task instanceof CandidateTask.CoverageRun) {
            return coverage(RuleSetBuilder.build(files));
        }
        CandidateTask.ImpactRun impact = (CandidateTask.ImpactRun) task;
        return new ImpactReplay(new RuleFiles("live", impact.liveFiles()), files, impact.asOf(), timeLimit)
                .run(handler -> cases(input, handler), impact.from(), impact.to(), impact.limit());
    }

    /** Every error and warning, with file and line. */
    static ValidationReport validate(RuleFiles files) {
        try {
            RuleSet ruleSet = RuleSetBuilder.build(files);
            return new ValidationReport(true, ruleSet.version(), ruleSet.rules().size(), List.of(),
                    FileProblem.of(ruleSet.warnings()));
        } catch (RuleSetException e) {
            return ValidationReport.invalid(files.version(), FileProblem.of(e.problems()));
        }
    }

    /** The scenarios on {@code asOf}, then on each date after {@code futureAfter} a value takes effect. */
    ScenarioRuns test(RuleSet ruleSet, LocalDate asOf, LocalDate futureAfter) {
        List<DatedScenarioReport> runs = new ArrayList<>();
        runs.add(new DatedScenarioReport(asOf, test(ruleSet, asOf)));
        if (futureAfter != null) {
            for (LocalDate date : datesAfter(ruleSet, futureAfter)) {
                if (runs.get(runs.size() - 1).report().failed() > 0) {
                    break;
                }
                runs.add(new DatedScenarioReport(date, test(ruleSet, date)));
            }
        }
        return new ScenarioRuns(runs);
    }

    private ScenarioReport test(RuleSet ruleSet, LocalDate asOf) {
        List<ScenarioRunner.Result> results = new ScenarioRunner(ruleSet, asOf).runAll(scenarios,
                Instant.now().plus(timeLimit));
        return ScenarioReport.of(ruleSet.version(), scenarios, results);
    }

    /** The rules no scenario makes fire, and the codes no scenario mentions. */
    CoverageReport coverage(RuleSet ruleSet) {
        Coverage coverage = Coverage.of(ruleSet, new ScenarioRunner(ruleSet).runAll(scenarios,
                Instant.now().plus(timeLimit)), Scenario.filesBelow(scenarios));
        return new CoverageReport(ruleSet.version(), coverage.rules(),
                coverage.rules() - coverage.rulesNeverFired().size(), coverage.codes(),
                coverage.codes() - coverage.codesWithoutScenario().size(), List.copyOf(coverage.rulesNeverFired()),
                List.copyOf(coverage.codesWithoutScenario()));
    }

    /** The dates after a day on which a parameter value of the rule set takes effect. */
    private static SortedSet<LocalDate> datesAfter(RuleSet ruleSet, LocalDate day) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        ruleSet.parameters().definitions().values()
                .forEach(definition -> dates.addAll(definition.values().tailMap(day, false).keySet()));
        return dates;
    }

    /** The stored cases on the input, one a line, to the end of the input. */
    private static void cases(BufferedReader input, java.util.function.Consumer<List<StoredAssessment>> handler) {
        try {
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                handler.accept(JSON.readValue(line, CASE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
