package dk.visitationadvisor.assessment;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A batch refused because too many run already: the caller's own ({@code forAll} false) or everyone's.
 * Answered 429, with the seconds to wait before sending it again.
 */
class TooManyBatchesException extends RuntimeException implements AdvisorProblem {

    /** Seconds a client is asked to wait before it sends a batch again. */
    private static final String RETRY_AFTER_SECONDS = "10";

    private final boolean forAll;

    TooManyBatchesException(boolean forAll) {
        super(forAll ? "Too many batches are running" : "This caller's batch limit is reached", null, false, false);
        this.forAll = forAll;
    }

    @Override
    public Problem problem() {
        return Problem.of(429, null, null, AdvisorProblem.message(
                forAll ? "problem.tooManyBatches.detail" : "problem.tooManyOwnBatches.detail"), Map.of());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
