package dk.visitationadvisor.assessment;

/** An idempotency key sent again with another request than the one it stored an assessment for. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("The idempotency key was used for another request");
    }
}
