package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;
import java.time.Duration;
import java.util.Locale;

/**
 * A check of a candidate rule set whose worker was stopped before it answered: it ran past its time or its
 * memory, or failed. The live rule set is as it was, and nothing else waits for the worker.
 */
public class CandidateStoppedException extends RuntimeException implements AdvisorProblem {

    /** Why the worker was stopped. */
    public enum Why {
        /** It ran past {@code advisor.rules.worker-time-limit}: the candidate is too slow or loops. */
        TIME_LIMIT,
        /** It ran out of {@code advisor.rules.worker-max-heap}. */
        MEMORY,
        /** It ended without an answer. */
        FAILED
    }

    private final Why why;
    private final Duration timeLimit;
    private final String maxHeap;

    CandidateStoppedException(Why why, Duration timeLimit, String maxHeap) {
        super("The candidate's worker was stopped: " + why, null, false, false);
        this.why = why;
        this.timeLimit = timeLimit;
        this.maxHeap = maxHeap;
    }

    public Why why() {
        return why;
    }

    /** The key of the plain explanation in messages*.properties, for the API's problem and the authors' page. */
    public String messageCode() {
        return switch (why) {
            case TIME_LIMIT -> "problem.candidateStopped.timeLimit";
            case MEMORY -> "problem.candidateStopped.memory";
            case FAILED -> "problem.candidateStopped.failed";
        };
    }

    /** The explanation's arguments: the time limit in seconds, or the memory limit as "256 MB". */
    public Object[] messageArguments() {
        return switch (why) {
            case TIME_LIMIT -> new Object[] {timeLimit.toSeconds()};
            case MEMORY -> new Object[] {maxHeap.toUpperCase(Locale.ROOT).replaceFirst("([KMG])$", " $1B")};
            case FAILED -> new Object[0];
        };
    }

    @Override
    public Problem problem() {
        return Problem.of(422, "/problems/candidate-stopped", "problem.candidateStopped.title",
                AdvisorProblem.message(messageCode(), messageArguments()), Map.of());
    }
}
