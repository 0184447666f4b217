package dk.visitationadvisor.casehistory;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's file within a small factor of the data it holds, while it runs.
 *
 * <p>Every commit appends a new chunk to the file and leaves the pages it replaced behind in older
 * chunks, whose space is reused only once a chunk is wholly empty. H2's background writer would rewrite
 * the emptiest chunks now and then, but with {@code WRITE_DELAY=0} (every commit on file before the
 * answer, for durability) H2 starts no background writer: under sustained load the file grew without
 * bound, 10.6 GB in 8 minutes with chunks 31 % full (docs/performance.md). This does the writer's
 * housekeeping instead: every few seconds, when the chunks are less than {@code target-fill-rate} full,
 * it rewrites the emptiest of them (at most {@code rewrite-bytes} a time), so that their space is free
 * for the next commits. The nightly rewrite after erasures ({@link ErasedTraces}) then shrinks the file.
 * Nothing to do on PostgreSQL, or for an in-memory database.
 */
@Component
class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final int targetFillRate;
    private final int rewriteBytes;
    /** False once the database turned out not to be an H2 file: nothing to keep. */
    private volatile boolean applies = true;

    H2Housekeeping(DataSource dataSource,
            @Value("${advisor.data.h2.target-fill-rate:80}") int targetFillRate,
            @Value("${advisor.data.h2.rewrite-bytes:16777216}") int rewriteBytes) {
        this.dataSource = dataSource;
        this.targetFillRate = targetFillRate;
        this.rewriteBytes = rewriteBytes;
    }

    @Scheduled(fixedDelayString = "${advisor.data.h2.housekeeping-interval:PT5S}")
    void rewriteEmptiestChunks() {
        if (!applies) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store == null) {
                applies = false;
                return;
            }
            if (store.getFillRate() < targetFillRate) {
                store.compact(targetFillRate, rewriteBytes);
            }
        } catch (SQLException | RuntimeException e) {
            // Tried again at the next interval; the file only grows meanwhile.
            log.warn("H2 housekeeping failed ({}); tried again later", e.getClass().getSimpleName());
        }
    }

    /** The H2 store behind the connection; null for another database or one in memory. */
    private static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.getFileStore().getFileName() == null
                || store.getFileStore().getFileName().isEmpty() ? null : store;
    }
}
