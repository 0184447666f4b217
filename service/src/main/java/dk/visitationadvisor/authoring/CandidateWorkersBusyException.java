package dk.visitationadvisor.authoring;

/** As many candidate workers run as may ({@code advisor.rules.max-concurrent-workers}): try again shortly. */
public class CandidateWorkersBusyException extends RuntimeException {

    CandidateWorkersBusyException() {
        super("Every candidate worker is busy", null, false, false);
    }
}
