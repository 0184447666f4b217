package dk.visitationadvisor.casehistory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of cases: on request (GDPR), and when a case's retention period has run out. Each erasure
 * removes a case and everything stored with it in one transaction, and is logged without the case
 * reference or any other personal data.
 */
@Service
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Period retention;

    public Erasures(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${advisor.retention.period}") Period retention) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.retention = retention;
    }

    /** Why a case was erased. */
    public enum Cause {
        REQUEST, RETENTION
    }

    /** One erasure, as logged: when, why and how many assessments; nothing that identifies the case. */
    public record Erasure(String id, Instant erasedAt, Cause cause, int assessmentsErased) {
    }

    /** Erases a case and all its assessments and decisions. */
    public Erasure erase(String caseRef, Cause cause) {
        return transaction.execute(status -> {
            int erased = jdbc.sql("DELETE FROM assessment WHERE case_ref = ?").param(caseRef).update();
            Erasure erasure = new Erasure(UUID.randomUUID().toString(), clock.instant(), cause, erased);
            jdbc.sql("INSERT INTO erasure_log (id, erased_at, cause, assessments_erased) VALUES (?, ?, ?, ?)")
                    .params(erasure.id(), OffsetDateTime.ofInstant(erasure.erasedAt(), ZoneOffset.UTC),
                            cause.name(), erased)
                    .update();
            return erasure;
        });
    }

    /**
     * Erases every case whose latest assessment is older than the retention period, one case per
     * transaction. Runs on the configured schedule.
     */
    @Scheduled(cron = "${advisor.retention.purge-cron}")
    public List<Erasure> purgeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention);
        List<String> expired = jdbc.sql("SELECT case_ref FROM assessment GROUP BY case_ref HAVING MAX(requested_at) < ?")
                .param(cutoff)
                .query(String.class)
                .list();
        List<Erasure> erasures = expired.stream().map(caseRef -> erase(caseRef, Cause.RETENTION)).toList();
        if (!erasures.isEmpty()) {
            log.info("Retention purge erased {} case(s) older than {}", erasures.size(), retention);
        }
        return erasures;
    }

    /** The erasure log, newest first. */
    public List<Erasure> log() {
        return jdbc.sql("SELECT id, erased_at, cause, assessments_erased FROM erasure_log ORDER BY erased_at DESC")
                .query((rs, n) -> new Erasure(rs.getString("id"), rs.getTimestamp("erased_at").toInstant(),
                        Cause.valueOf(rs.getString("cause")), rs.getInt("assessments_erased")))
                .list();
    }
}
