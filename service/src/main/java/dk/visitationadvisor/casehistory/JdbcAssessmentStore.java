package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.ruleengine.RuleSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The case history in a relational database (H2 by default, PostgreSQL in the postgresql profile). */
@Repository
class JdbcAssessmentStore implements AssessmentStore {

    private static final String COLUMNS = "id, case_ref, assessment_date, ruleset_version, requested_by, requested_at, "
            + "concern_level, ors, ors_rater, request_json, response_json";
    private static final String INSERT = "INSERT INTO assessment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    /** For batch inserts, which JdbcClient does not do. */
    private final JdbcTemplate batches;
    private final JsonMapper json;
    /** Rule-set versions known to be stored, so that each is written once, not per assessment. */
    private final Set<String> recordedVersions = ConcurrentHashMap.newKeySet();

    /** A savepoint around the rule set's row, so that losing the race for it leaves the assessment's transaction usable. */
    private final TransactionTemplate savepoint;

    JdbcAssessmentStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    private void recordRuleSet(RuleSet ruleSet) {
        if (recordedVersions.contains(ruleSet.version())) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO rule_set_version "
                            + "(version, origin, files, first_used_at) "
                            + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rule_set_version WHERE version = ?)")
                    .params(ruleSet.version(), ruleSet.origin(), json.writeValueAsString(ruleSet.files()),
                            OffsetDateTime.now(ZoneOffset.UTC), ruleSet.version())
                    .update());
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            // The same version, stored at the same moment by another instance: it is there. The
            // savepoint undid only the failed insert; PostgreSQL would otherwise refuse the rest.
        }
        // Remembered only once the row is committed: a rolled-back assessment takes its rule set with it.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recordedVersions.add(ruleSet.version());
            }
        });
    }

    @Override
    @Transactional
    public void save(StoredAssessment a, RuleSet ruleSet) {
        recordRuleSet(ruleSet);
        jdbc.sql(INSERT).params(columns(a)).update();
    }

    /** One transaction, one JDBC batch: a round trip per batch, not per assessment. */
    @Override
    @Transactional
    public void saveAll(List<StoredAssessment> assessments, RuleSet ruleSet) {
        if (assessments.isEmpty()) {
            return;
        }
        recordRuleSet(ruleSet);
        batches.batchUpdate(INSERT, assessments, assessments.size(), (statement, a) -> {
            Object[] values = columns(a);
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
        });
    }

    /** The values of {@link #INSERT}, in its order. */
    private static Object[] columns(StoredAssessment a) {
        return new Object[] {a.id(), a.caseRef(), a.assessmentDate(), a.rulesetVersion(), a.requestedBy(),
                OffsetDateTime.ofInstant(a.requestedAt(), ZoneOffset.UTC), a.concernLevel(), a.ors(), a.orsRater(),
                a.requestJson(), a.responseJson()};
    }

    @Override
    public Optional<StoredAssessment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment WHERE id = ?").param(id).query(this::row).optional();
    }

    @Override
    public Optional<StoredAssessment> latest(String caseRef, LocalDate onOrBefore) {
        return latest(COLUMNS, caseRef, onOrBefore);
    }

    @Override
    public Optional<StoredAssessment> latestWithoutBodies(String caseRef, LocalDate onOrBefore) {
        return latest(COLUMNS.replace("request_json, response_json", "NULL AS request_json, NULL AS response_json"),
                caseRef, onOrBefore);
    }

    private Optional<StoredAssessment> latest(String columns, String caseRef, LocalDate onOrBefore) {
        return jdbc.sql("SELECT " + columns + " FROM assessment WHERE case_ref = ? AND assessment_date <= ? "
                        + "ORDER BY assessment_date DESC, requested_at DESC LIMIT 1")
                .params(caseRef, onOrBefore)
                .query(this::row)
                .optional();
    }

    @Override
    public List<StoredAssessment> timeline(String caseRef, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assessment WHERE case_ref = ? "
                        + "ORDER BY assessment_date DESC, requested_at DESC LIMIT ? OFFSET ?")
                .params(caseRef, size, (long) page * size)
                .query(this::row)
                .list();
    }

    @Override
    public long count(String caseRef) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE case_ref = ?").param(caseRef).query(Long.class).single();
    }

    private StoredAssessment row(ResultSet rs, int rowNumber) throws SQLException {
        Timestamp requestedAt = rs.getTimestamp("requested_at");
        return new StoredAssessment(rs.getString("id"), rs.getString("case_ref"),
                rs.getObject("assessment_date", LocalDate.class), rs.getString("ruleset_version"),
                rs.getString("requested_by"), requestedAt == null ? null : requestedAt.toInstant(),
                rs.getString("concern_level"), (Integer) rs.getObject("ors"), rs.getString("ors_rater"),
                rs.getString("request_json"), rs.getString("response_json"));
    }
}
