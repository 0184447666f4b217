package dk.visitationadvisor.casehistory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys callers sent with their assessments, per caller: which assessment a key stored,
 * and a hash of the request it came with. A batch's key is kept per family the batch stored, each row
 * with that family's case. A store of case data, erased with the case.
 */
@Repository
public class IdempotencyKeys implements CaseDataStore {

    private final JdbcClient jdbc;
    /** For batch inserts, which JdbcClient does not do. */
    private final JdbcTemplate batches;

    IdempotencyKeys(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
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

    /** The hashes of the batches a caller's batch key stored families of: none, or one unless sent at once. */
    public List<String> batchHashes(String requestedBy, String key) {
        return jdbc.sql("SELECT DISTINCT request_hash FROM idempotency_batch_item WHERE requested_by = ? AND idem_key = ?")
                .params(requestedBy, key)
                .query(String.class)
                .list();
    }

    /** The families from {@code first} to {@code last} (inclusive) a batch key stored: assessment id by index. */
    public Map<Integer, Keyed> batchItems(String requestedBy, String key, int first, int last) {
        Map<Integer, Keyed> items = new HashMap<>();
        jdbc.sql("SELECT item_index, assessment_id, request_hash FROM idempotency_batch_item "
                        + "WHERE requested_by = ? AND idem_key = ? AND item_index BETWEEN ? AND ?")
                .params(requestedBy, key, first, last)
                .query(row -> {
                    items.put(row.getInt(1), new Keyed(row.getString(2), row.getString(3)));
                });
        return items;
    }

    /**
     * Remembers the batch key with the families it stored (assessment id by index), in their transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same batch stored one of them meanwhile
     */
    public void rememberBatch(String requestedBy, String key, String batchHash, Map<Integer, String> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return;
        }
        List<Map.Entry<Integer, String>> items = List.copyOf(assessmentIds.entrySet());
        batches.batchUpdate("INSERT INTO idempotency_batch_item (requested_by, idem_key, item_index, request_hash, "
                        + "assessment_id) VALUES (?, ?, ?, ?, ?)", items, items.size(), (statement, item) -> {
                    statement.setString(1, requestedBy);
                    statement.setString(2, key);
                    statement.setInt(3, item.getKey());
                    statement.setString(4, batchHash);
                    statement.setString(5, item.getValue());
                });
    }

    @Override
    public void eraseCase(String caseRef) {
        for (String table : tables()) {
            jdbc.sql("DELETE FROM " + table + " WHERE assessment_id IN (SELECT id FROM assessment WHERE case_ref = ?)")
                    .param(caseRef)
                    .update();
        }
    }

    @Override
    public List<String> tables() {
        return List.of("idempotency_key", "idempotency_batch_item");
    }

    /** The assessment a key stored, and the hash of the request it stored it for. */
    public record Keyed(String assessmentId, String requestHash) {
    }
}
