package dk.visitationadvisor.casehistory;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes from the database's files what an erasure leaves there. A DELETE only marks rows dead: the
 * bytes stay in the file until overwritten, where a copy of the file would still show them.
 *
 * <ul>
 * <li><b>H2 (the embedded default)</b>: the database file is rewritten with only its live data
 *     ({@link MVStoreTool#compact}, uncompressed), and the old file replaced. The pool is suspended
 *     meanwhile: requests wait for a connection (a second or two for a database of some hundred MB)
 *     rather than fail. If requests hold connections for longer than {@code advisor.erasure.rewrite-wait},
 *     the rewrite is left for the next try ({@link Erasures} retries every few minutes).
 * <li><b>PostgreSQL</b>: {@code VACUUM} of the tables that held the case, at once: the rows' space is free
 *     for reuse, and no query can reach them, but their bytes stay in the table's files until
 *     overwritten; {@code VACUUM FULL}, which writes each table anew and deletes the old file, holds an
 *     exclusive lock on it, so it runs in the nightly maintenance window ({@link #rewriteTables}).
 *     Write-ahead log segments, replicas and backups are the database operator's (docs/security.md).
 * <li>Anything else (an in-memory database in tests): nothing is left in files.
 * </ul>
 */
sealed interface ErasedTraces {

    Logger log = LoggerFactory.getLogger(ErasedTraces.class);

    /** The tables of the case history that hold case data; other stores add theirs ({@link CaseDataStore}). */
    List<String> CASE_TABLES = List.of("assessment", "decision", "decision_history", "form_submission");

    /** Removes the traces of every erasure so far from the files; false when it must be tried again later. */
    boolean removeNow(List<String> tables);

    /** In the maintenance window: what {@link #removeNow} could not do without holding up requests. */
    default void rewriteTables(List<String> tables) {
    }

    /** What the database at this data source needs. */
    static ErasedTraces of(DataSource dataSource, JdbcClient jdbc, Duration wait) throws SQLException {
        HikariDataSource pool = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class) : null;
        String url = pool == null ? "" : pool.getJdbcUrl();
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
            return new H2FileRewrite(pool, jdbc, wait);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgreSqlVacuum(jdbc);
        }
        return new NoFiles();
    }

    /** A database in memory: an erasure leaves nothing in files. */
    final class NoFiles implements ErasedTraces {

        @Override
        public boolean removeNow(List<String> tables) {
            return true;
        }
    }

    /** H2: the file written anew with its live data only. */
    final class H2FileRewrite implements ErasedTraces {

        private final HikariDataSource pool;
        private final JdbcClient jdbc;
        private final Duration wait;

        H2FileRewrite(HikariDataSource pool, JdbcClient jdbc, Duration wait) {
            this.pool = pool;
            this.jdbc = jdbc;
            this.wait = wait;
        }

        @Override
        public synchronized boolean removeNow(List<String> tables) {
            String file = jdbc.sql("CALL DATABASE_PATH()").query(String.class).single() + ".mv.db";
            HikariPoolMXBean connections = pool.getHikariPoolMXBean();
            // Evicting the connections makes the pool open new ones to keep its minimum, and a new one
            // opens the database again, under the rewrite (CI saw the rewrite fail on the open file).
            HikariConfigMXBean config = pool.getHikariConfigMXBean();
            int minimumIdle = config.getMinimumIdle();
            config.setMinimumIdle(0);
            connections.suspendPool();
            try {
                long deadline = System.nanoTime() + wait.toNanos();
                while (connections.getActiveConnections() > 0) {
                    if (System.nanoTime() > deadline) {
                        log.info("Database busy: the file's rewrite after an erasure is left for the next try");
                        return false;
                    }
                    Thread.sleep(10);
                }
                connections.softEvictConnections();
                long start = System.nanoTime();
                try (Connection direct = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                        pool.getPassword()); Statement shutdown = direct.createStatement()) {
                    shutdown.execute("SHUTDOWN");
                }
                MVStoreTool.compact(file, false);
                log.info("Database file rewritten after an erasure in {} ms", (System.nanoTime() - start) / 1_000_000);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (SQLException | RuntimeException e) {
                // The message names the file and what H2 found, never case data: it is what tells why.
                log.warn("Could not rewrite the database file after an erasure ({}: {}); tried again later",
                        e.getClass().getSimpleName(), e.getMessage());
                return false;
            } finally {
                config.setMinimumIdle(minimumIdle);
                connections.resumePool();
            }
        }

        /** At night the file is written anew whether or not anything was erased: it keeps only live data. */
        @Override
        public void rewriteTables(List<String> tables) {
            removeNow(tables);
        }
    }

    /** PostgreSQL: VACUUM at once, VACUUM FULL in the maintenance window. */
    final class PostgreSqlVacuum implements ErasedTraces {

        private final JdbcClient jdbc;

        PostgreSqlVacuum(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public boolean removeNow(List<String> tables) {
            // Outside a transaction (VACUUM refuses one): JdbcClient's own statement, autocommit.
            jdbc.sql("VACUUM " + String.join(", ", tables)).update();
            return true;
        }

        @Override
        public void rewriteTables(List<String> tables) {
            jdbc.sql("VACUUM FULL " + String.join(", ", tables)).update();
        }
    }
}
