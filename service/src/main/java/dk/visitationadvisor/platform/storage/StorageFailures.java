package dk.visitationadvisor.platform.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached or cannot write (down, unreachable, its disk full) from a
 * fault in the service (a bad statement, a broken constraint). The first is temporary, and is
 * answered {@code 503} until the database is back; the second is a bug. Which JDBC failure is which
 * is Spring's exception translator's to say ({@code sql-error-codes.xml} adds H2's codes of a database
 * that is gone or cannot write).
 */
public final class StorageFailures {

    /**
     * H2's error codes (sql-error-codes.xml), then the JDBC exception classes (a connection failure,
     * recoverable or transient) and SQLState classes (08 connection, 53 insufficient resources, 54
     * program limit, 57 operator intervention, 58 system error), which is how PostgreSQL's are told.
     * For failures the pool sees before any JdbcTemplate has translated them.
     */
    private static final SQLExceptionTranslator TRANSLATOR = new SQLErrorCodeSQLExceptionTranslator("H2");

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
                || cause instanceof SQLException sql && isResourceFailure(TRANSLATOR.translate("", null, sql)));
    }

    private static boolean isResourceFailure(DataAccessException translated) {
        return translated instanceof DataAccessResourceFailureException
                || translated instanceof TransientDataAccessResourceException
                || translated instanceof RecoverableDataAccessException;
    }

    /** The failure and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
