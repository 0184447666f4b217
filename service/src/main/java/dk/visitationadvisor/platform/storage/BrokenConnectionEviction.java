package dk.visitationadvisor.platform.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Takes a connection out of the pool when its database went away or could not write. HikariCP does
 * this by itself only for SQL states 08xxx; H2 reports a lost server connection (90067) or a
 * database that closed itself after a failed write (90098) with codes of its own, and without this a
 * pool under steady load would keep handing out dead connections after the database is back.
 * Configured by {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return StorageFailures.breaksConnection(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
