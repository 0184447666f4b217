package dk.visitationadvisor.casehistory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of cases: on request (GDPR), and when a case's retention period has run out. Each erasure
 * removes a case and everything stored with it, in the case history and in every other
 * {@link CaseDataStore}, in one transaction, and is logged without the case reference or any other
 * personal data. Then what the erasure left in the database's files is removed ({@link ErasedTraces}):
 * the log says when ({@code tracesRemovedAt}); an erasure whose traces could not be removed at once is
 * retried every few minutes. The access audit keeps its entries, with the case's pseudonymous reference:
 * they are the record of who saw the case (docs/security.md).
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Period retention;
    private final List<CaseDataStore> otherStores;
    private final DataSource dataSource;
    private final Duration rewriteWait;
    private volatile ErasedTraces traces;

    public Erasures(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${advisor.retention.period}") Period retention, List<CaseDataStore> otherStores,
            DataSource dataSource, @Value("${advisor.erasure.rewrite-wait:PT2S}") Duration rewriteWait) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.retention = retention;
        this.otherStores = otherStores;
        this.dataSource = dataSource;
        this.rewriteWait = rewriteWait;
    }

    /** Why a case was erased. */
    public enum Cause {
        REQUEST, RETENTION
    }

    /**
     * One erasure, as logged: when, why and how many assessments; nothing that identifies the case.
     *
     * @param tracesRemovedAt when what it left in the database's files was removed; null until then
     */
    public record Erasure(String id, Instant erasedAt, Cause cause, int assessmentsErased, Instant tracesRemovedAt) {
    }

    /** Erases a case and all its assessments and decisions, and then their traces in the files. */
    public Erasure erase(String caseRef, Cause cause) {
        Erasure erasure = eraseRows(caseRef, cause);
        return removeTraces() ? find(erasure.id()) : erasure;
    }

    private Erasure eraseRows(String caseRef, Cause cause) {
        return transaction.execute(status -> {
            int erased = jdbc.sql("DELETE FROM assessment WHERE case_ref = ?").param(caseRef).update();
            otherStores.forEach(store -> store.eraseCase(caseRef));
            Erasure erasure = new Erasure(UUID.randomUUID().toString(), clock.instant(), cause, erased, null);
            jdbc.sql("INSERT INTO erasure_log (id, erased_at, cause, assessments_erased) VALUES (?, ?, ?, ?)")
                    .params(erasure.id(), OffsetDateTime.ofInstant(erasure.erasedAt(), ZoneOffset.UTC),
                            cause.name(), erased)
                    .update();
            return erasure;
        });
    }

    /**
     * Removes the traces of every erasure whose traces are still in the files, and logs when; false
     * when that must wait for the next try.
     */
    synchronized boolean removeTraces() {
        List<String> pending = jdbc.sql("SELECT id FROM erasure_log WHERE traces_removed_at IS NULL")
                .query(String.class).list();
        if (pending.isEmpty()) {
            return true;
        }
        if (!traces().removeNow(tables())) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        pending.forEach(id -> jdbc.sql("UPDATE erasure_log SET traces_removed_at = ? WHERE id = ?").params(now, id)
                .update());
        return true;
    }

    /** Tries again what could not be done at once: the database was busy, or away. */
    @Scheduled(fixedDelayString = "${advisor.erasure.retry-interval:PT5M}", initialDelayString = "PT1M")
    void retryRemovingTraces() {
        try {
            removeTraces();
        } catch (RuntimeException e) {
            log.warn("Could not remove the traces of erasures ({}); tried again later", e.getClass().getSimpleName());
        }
    }

    /**
     * Erases every case whose latest assessment is older than the retention period, one case per
     * transaction; then removes their traces from the files, and rewrites the case tables where that
     * needs an exclusive lock (PostgreSQL's VACUUM FULL). Runs on the configured schedule, at night.
     */
    @Scheduled(cron = "${advisor.retention.purge-cron}")
    public List<Erasure> purgeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention);
        List<String> expired = jdbc.sql("SELECT case_ref FROM assessment GROUP BY case_ref HAVING MAX(requested_at) < ?")
                .param(cutoff)
                .query(String.class)
                .list();
        List<Erasure> erasures = expired.stream().map(caseRef -> eraseRows(caseRef, Cause.RETENTION)).toList();
        if (!erasures.isEmpty()) {
            log.info("Retention purge erased {} case(s) older than {}", erasures.size(), retention);
        }
        removeTraces();
        traces().rewriteTables(tables());
        return erasures.stream().map(erasure -> find(erasure.id())).toList();
    }

    /** The erasure log, newest first. */
    public List<Erasure> log() {
        return jdbc.sql("SELECT id, erased_at, cause, assessments_erased, traces_removed_at FROM erasure_log "
                        + "ORDER BY erased_at DESC")
                .query((rs, n) -> row(rs))
                .list();
    }

    private Erasure find(String id) {
        return jdbc.sql("SELECT id, erased_at, cause, assessments_erased, traces_removed_at FROM erasure_log WHERE id = ?")
                .param(id).query((rs, n) -> row(rs)).single();
    }

    private static Erasure row(java.sql.ResultSet rs) throws SQLException {
        java.sql.Timestamp removed = rs.getTimestamp("traces_removed_at");
        return new Erasure(rs.getString("id"), rs.getTimestamp("erased_at").toInstant(),
                Cause.valueOf(rs.getString("cause")), rs.getInt("assessments_erased"),
                removed == null ? null : removed.toInstant());
    }

    private List<String> tables() {
        List<String> tables = new ArrayList<>(ErasedTraces.CASE_TABLES);
        otherStores.forEach(store -> tables.addAll(store.tables()));
        return tables;
    }

    private ErasedTraces traces() {
        if (traces == null) {
            try {
                traces = ErasedTraces.of(dataSource, jdbc, rewriteWait);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
        }
        return traces;
    }
}
