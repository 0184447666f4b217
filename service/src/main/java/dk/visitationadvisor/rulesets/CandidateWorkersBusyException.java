package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** As many candidate workers run as may ({@code advisor.rules.max-concurrent-workers}): try again shortly. */
public class CandidateWorkersBusyException extends RuntimeException implements AdvisorProblem {

    /** Seconds an author is asked to wait before checking a candidate again. */
    private static final String RETRY_AFTER_SECONDS = "30";

    CandidateWorkersBusyException() {
        super("Every candidate worker is busy", null, false, false);
    }

    @Override
    public Problem problem() {
        return Problem.of(503, "/problems/candidate-checks-busy", "problem.candidateWorkersBusy.title",
                AdvisorProblem.message("problem.candidateWorkersBusy.detail"), Map.of());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
