package dk.visitationadvisor.activation;

import java.time.Instant;

/**
 * One entry of the activation log: the version made live, the one it replaced, by whom, when and why.
 *
 * @param number the entry's place in the log; the highest number is live
 */
public record Activation(long number, String version, String previousVersion, Kind kind, String activatedBy,
        Instant activatedAt, String reason) {

    public enum Kind {
        /** New rule files found in the rules directory at start-up. */
        DEPLOYED,
        /** A candidate sent by an author. */
        ACTIVATED,
        /** An earlier version made live again. */
        ROLLED_BACK
    }
}
