package dk.visitationadvisor.casehistory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys callers sent with their assessments, per caller: which assessment a key stored,
 * and a hash of the request it came with. A store of case data, erased with the case.
 */
@Repository
public class IdempotencyKeys implements CaseDataStore {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a caller's key stored, if anything. */
    public Optional<Keyed> find(String requestedBy, String key) {
        return jdbc.sql("SELECT assessment_id, request_hash FROM idempotency_key WHERE requested_by = ? AND idem_key = ?")
                .params(requestedBy, key)
                .query((row, number) -> new Keyed(row.getString(1), row.getString(2)))
                .optional();
    }

    /**
     * Remembers the key with the assessment it stored; in the assessment's transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the caller's key stored another one meanwhile
     */
    public void remember(String requestedBy, String key, String requestHash, String assessmentId) {
        jdbc.sql("INSERT INTO idempotency_key (requested_by, idem_key, request_hash, assessment_id) VALUES (?, ?, ?, ?)")
                .params(requestedBy, key, requestHash, assessmentId)
                .update();
    }

    @Override
    public void eraseCase(String caseRef) {
        jdbc.sql("DELETE FROM idempotency_key WHERE assessment_id IN (SELECT id FROM assessment WHERE case_ref = ?)")
                .param(caseRef)
                .update();
    }

    @Override
    public List<String> tables() {
        return List.of("idempotency_key");
    }

    /** The assessment a key stored, and the hash of the request it stored it for. */
    public record Keyed(String assessmentId, String requestHash) {
    }
}
