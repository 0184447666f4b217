package dk.visitationadvisor.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

class StorageFailuresTest {

    private static final SQLException BROKEN = new SQLException("Connection is broken", "08006");

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        assertThat(StorageFailures.isUnavailable(new DataAccessResourceFailureException("JDBC commit", BROKEN))).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterTheCommitBrokeItsConnectionIsUnavailable() {
        // What the pool answers on an evicted connection: no SQL state, no error code.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(StorageFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterABugIsStillTheBug() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DuplicateKeyException("duplicate id"));
        assertThat(StorageFailures.isUnavailable(rollback)).isFalse();
    }

    @Test
    void aBadStatementIsAFaultOfTheServiceNotOfTheDatabase() {
        assertThat(StorageFailures.isUnavailable(new BadSqlGrammarException("save", "INSERT …",
                new SQLException("Syntax error", "42000")))).isFalse();
    }

    @Test
    void springsTranslatorTellsAConnectionTheDatabaseBrokeFromAFault() {
        // H2: an I/O error, a database that closed itself (codes this service adds to Spring's), one closing.
        for (int h2 : new int[] {90028, 90031, 90067, 90098, 90108, 90121}) {
            assertThat(StorageFailures.breaksConnection(new SQLException("H2", String.valueOf(h2), h2))).as("H2 %d", h2)
                    .isTrue();
        }
        // PostgreSQL by SQLState: connection failure, disk full, shutting down, I/O error.
        for (String state : new String[] {"08006", "53100", "57P01", "58030"}) {
            assertThat(StorageFailures.breaksConnection(new SQLException("PostgreSQL", state))).as(state).isTrue();
        }
        assertThat(StorageFailures.breaksConnection(new java.sql.SQLNonTransientConnectionException("gone"))).isTrue();
        // Faults of a statement, not of the connection.
        assertThat(StorageFailures.breaksConnection(new SQLException("Syntax error", "42001", 42001))).isFalse();
        assertThat(StorageFailures.breaksConnection(new SQLException("Duplicate key", "23505", 23505))).isFalse();
        assertThat(StorageFailures.breaksConnection(new SQLException("Value too long", "22001"))).isFalse();
    }
}
