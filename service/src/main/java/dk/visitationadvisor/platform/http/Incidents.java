package dk.visitationadvisor.platform.http;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * Logs a fault of the service under an incident id, which the problem document repeats so that a
 * report can be matched with the log. The log holds no personal data: exception messages may quote
 * the values of a request (a database error quotes the row it refused), so only the service's own
 * exceptions keep their messages, which are written without data; of the others the log keeps the
 * type and the stack trace.
 */
final class Incidents {

    private static final String OWN_PACKAGE = "dk.visitationadvisor.";

    private Incidents() {
    }

    /** Logs the failure as an error with a new incident id, and returns the id. */
    static String log(Logger log, String what, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        log.error("Incident {}: {}", incident, what, redacted(failure, new IdentityHashMap<>()));
        return incident;
    }

    /** The failure's chain of types, outermost first, e.g. {@code CannotCreateTransactionException < SQLException}. */
    static String kinds(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            kinds.append(kinds.isEmpty() ? "" : " < ").append(cause.getClass().getSimpleName());
        }
        return kinds.toString();
    }

    private static Throwable redacted(Throwable failure, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, true) != null) {
            return null;
        }
        return new Redacted(failure, redacted(failure.getCause(), seen));
    }

    /** A stand-in for an exception: its type (and, for the service's own, its message) and its stack trace. */
    private static final class Redacted extends RuntimeException {

        Redacted(Throwable original, Throwable cause) {
            super(original.getClass().getName() + (original.getClass().getName().startsWith(OWN_PACKAGE)
                    ? ": " + original.getMessage() : ""), cause, false, true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
