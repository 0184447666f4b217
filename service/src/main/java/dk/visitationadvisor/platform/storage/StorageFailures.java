package dk.visitationadvisor.platform.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached or cannot write (down, unreachable, its disk full) from a
 * fault in the service (a bad statement, a broken constraint). The first is temporary, and is
 * answered {@code 503} until the database is back; the second is a bug.
 */
public final class StorageFailures {

    /**
     * H2's codes for a database that is gone or cannot write: 90028 and 90031 (I/O error), 90067 (the
     * connection to a server broke), 90098 (the database closed itself, e.g. after a failed write),
     * 90108 (out of memory), 90121 (closing for a shutdown).
     */
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(90028, 90031, 90067, 90098, 90108, 90121);

    private StorageFailures() {
    }

    /** True when the database could not be reached or could not write; false for anything else. */
    public static boolean isUnavailable(Throwable failure) {
        return causes(failure).anyMatch(cause -> cause instanceof DataAccessException
                || cause instanceof TransactionException || cause instanceof SQLException)
                && causes(failure).anyMatch(cause ->
                        // A rollback that failed too (its connection was gone): why it was rolled back matters;
                        // without such a reason, the commit or the rollback itself failed, and after a commit
                        // broke its connection the pool's closed connection says only "Connection is closed".
                        cause instanceof TransactionSystemException rollback && (rollback.getApplicationException() == null
                                || isUnavailable(rollback.getApplicationException()))
                        || cause instanceof DataAccessResourceFailureException
                        || cause instanceof TransientDataAccessException
                        || cause instanceof RecoverableDataAccessException
                        || cause instanceof CannotCreateTransactionException
                        || cause instanceof SQLTransientException
                        || cause instanceof SQLException sql && breaksConnection(sql)
                        // H2 on a full disk: "General error", caused by "Writing to ... failed", caused by an IOException.
                        || cause instanceof IOException);
    }

    /**
     * True when the connection that threw this can no longer be used: it is taken out of the pool,
     * so that the pool opens new connections once the database is back instead of reusing dead ones.
     */
    public static boolean breaksConnection(SQLException failure) {
        return causes(failure).anyMatch(cause -> cause instanceof IOException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && (unavailableState(sql.getSQLState())
                        || H2_UNAVAILABLE.contains(sql.getErrorCode())));
    }

    /**
     * 08: connection exception; 53: insufficient resources (PostgreSQL's disk full is 53100); 57P: the
     * server is shutting down; 58: system error (PostgreSQL's I/O error is 58030).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.startsWith("58"));
    }

    /** The failure and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
