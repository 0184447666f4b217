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
}
