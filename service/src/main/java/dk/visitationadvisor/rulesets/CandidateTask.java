package dk.visitationadvisor.rulesets;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a candidate worker is asked to do with a candidate rule set's files (by path), sent as the first
 * line of its input. Each answers with the report of the same name in {@link RuleSetChecks} or
 * {@link ImpactReport}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "task")
@JsonSubTypes({@JsonSubTypes.Type(value = CandidateTask.Validation.class, name = "validation"),
        @JsonSubTypes.Type(value = CandidateTask.ScenarioRun.class, name = "scenario-run"),
        @JsonSubTypes.Type(value = CandidateTask.CoverageRun.class, name = "coverage"),
        @JsonSubTypes.Type(value = CandidateTask.ImpactRun.class, name = "impact")})
sealed interface CandidateTask {

    /** The candidate's files: what the policy is checked on before a worker starts. */
    Map<String, String> files();

    /** Build it and report every error and warning: a {@code ValidationReport}. */
    record Validation(Map<String, String> files) implements CandidateTask {
    }

    /**
     * Run the scenarios: {@code ScenarioRuns}.
     *
     * @param asOf judge with the parameter values in force on this date; null: each scenario's own dates
     * @param futureAfter when set, run them again on each later date on which a parameter value takes effect,
     *     up to the first run that fails
     */
    record ScenarioRun(Map<String, String> files, LocalDate asOf, LocalDate futureAfter) implements CandidateTask {
    }

    /** What the scenarios leave untested: a {@code CoverageReport}. */
    record CoverageRun(Map<String, String> files) implements CandidateTask {
    }

    /**
     * Replay the stored cases that follow on the input, one per line, with the live files and these: an
     * {@link ImpactReport}.
     */
    record ImpactRun(Map<String, String> liveFiles, Map<String, String> files, LocalDate asOf, LocalDate from,
            LocalDate to, int limit) implements CandidateTask {
    }
}
