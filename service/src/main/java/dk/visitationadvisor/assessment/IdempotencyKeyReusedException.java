package dk.visitationadvisor.assessment;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;

/** An idempotency key sent again with another request than the one it stored an assessment for. */
public class IdempotencyKeyReusedException extends RuntimeException implements AdvisorProblem {

    public IdempotencyKeyReusedException() {
        super("The idempotency key was used for another request");
    }

    @Override
    public Problem problem() {
        return Problem.of(422, "/problems/idempotency-key-reused", "problem.idempotencyKeyReused.title",
                AdvisorProblem.message("problem.idempotencyKeyReused.detail"), Map.of());
    }
}
