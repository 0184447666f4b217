package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.platform.storage.GroupCommit;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The case history in a relational database (H2 by default, PostgreSQL in the postgresql profile). */
@Repository
class JdbcAssessmentStore implements AssessmentStore {

    private static final String COLUMNS = "id, case_ref, assessment_date, ruleset_version, requested_by, requested_at, "
            + "concern_level, ors, ors_rater, request_json, response_json";
    /** A replay needs what was asked, not what was answered: the response is left out (null). */
    private static final String REPLAY_COLUMNS = COLUMNS.replace("response_json", "NULL AS response_json");
    private static final Comparator<StoredAssessment> OLDEST_FIRST = Comparator
            .comparing(StoredAssessment::assessmentDate).thenComparing(StoredAssessment::requestedAt)
            .thenComparing(StoredAssessment::id);
    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final String INSERT = "INSERT INTO assessment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final RuleSetArchive ruleSets;
    private final GroupCommit groupCommit;
    /** For batch inserts, which JdbcClient does not do. */
    private final JdbcTemplate batches;
    /** Reads history in pages of rows, not whole: a replay may cover every assessment there is. */
    private final JdbcTemplate streaming;

    JdbcAssessmentStore(JdbcClient jdbc, RuleSetArchive ruleSets, GroupCommit groupCommit, JdbcTemplate batches,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.groupCommit = groupCommit;
        this.batches = batches;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /** Committed with the other writes waiting at the same moment: one commit for many requests under load. */
    @Override
    public void save(StoredAssessment a, RuleSet ruleSet, Runnable alsoInItsTransaction) {
        groupCommit.write(() -> {
            ruleSets.record(ruleSet);
            jdbc.sql(INSERT).params(columns(a)).update();
            alsoInItsTransaction.run();
        });
    }

    /** One transaction, one JDBC batch: a round trip per batch, not per assessment. */
    @Override
    @Transactional
    public void saveAll(List<StoredAssessment> assessments, RuleSet ruleSet) {
        if (assessments.isEmpty()) {
            return;
        }
        ruleSets.record(ruleSet);
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
    public Optional<String> caseRefOf(String id) {
        return jdbc.sql("SELECT case_ref FROM assessment WHERE id = ?").param(id).query(String.class).optional();
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
    public List<CaseSummary> cases(String search, int limit) {
        String pattern = "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql("SELECT a.case_ref, a.assessment_date, a.requested_at, a.requested_by, c.n FROM assessment a "
                        + "JOIN (SELECT case_ref, MAX(requested_at) AS latest, COUNT(*) AS n FROM assessment "
                        + "WHERE LOWER(case_ref) LIKE ? ESCAPE '\\' GROUP BY case_ref) c "
                        + "ON a.case_ref = c.case_ref AND a.requested_at = c.latest "
                        + "ORDER BY a.requested_at DESC LIMIT ?")
                .params(pattern, limit)
                .query((rs, n) -> new CaseSummary(rs.getString("case_ref"), rs.getObject("assessment_date", LocalDate.class),
                        rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"), rs.getLong("n")))
                .list()
                .stream().distinct().toList();
    }

    @Override
    public long count(String caseRef) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE case_ref = ?").param(caseRef).query(Long.class).single();
    }

    @Override
    public long countCases(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(DISTINCT case_ref) FROM assessment WHERE assessment_date >= ? AND assessment_date <= ?")
                .params(from == null ? EARLIEST : from, to == null ? LATEST : to).query(Long.class).single();
    }

    @Override
    public long countAssessments(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE assessment_date >= ? AND assessment_date <= ?")
                .params(from == null ? EARLIEST : from, to == null ? LATEST : to).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachCase(LocalDate from, LocalDate to, Consumer<List<StoredAssessment>> handler) {
        // Rows come in case order; a case's rows are handed over together once the next case starts.
        List<StoredAssessment> caseRows = new ArrayList<>();
        // In the order of the case index, so the database streams the rows instead of sorting them all
        // first; a case's few rows are put in order here. (With 100,000 assessments, H2 2.4 failed inside
        // its on-disk temporary results for "case_ref IN (SELECT ...)" and a full ORDER BY.)
        try (Stream<StoredAssessment> rows = streaming.queryForStream("SELECT " + REPLAY_COLUMNS
                        + " FROM assessment a WHERE EXISTS (SELECT 1 FROM assessment d WHERE d.case_ref = a.case_ref"
                        + " AND d.assessment_date >= ? AND d.assessment_date <= ?) ORDER BY a.case_ref",
                this::row, from == null ? EARLIEST : from, to == null ? LATEST : to)) {
            rows.forEachOrdered(row -> {
                if (!caseRows.isEmpty() && !caseRows.get(0).caseRef().equals(row.caseRef())) {
                    handler.accept(oldestFirst(caseRows));
                    caseRows.clear();
                }
                caseRows.add(row);
            });
        }
        if (!caseRows.isEmpty()) {
            handler.accept(oldestFirst(caseRows));
        }
    }

    private static List<StoredAssessment> oldestFirst(List<StoredAssessment> caseRows) {
        return caseRows.stream().sorted(OLDEST_FIRST).toList();
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
