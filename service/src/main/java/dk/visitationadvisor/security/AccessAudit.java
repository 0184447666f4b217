package dk.visitationadvisor.security;

import dk.visitationadvisor.casehistory.GroupCommit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The access audit: who read or changed which case, and every rule activation, allowed or refused.
 * Appended to only; readable by administrators.
 */
@Repository
public class AccessAudit {

    private final JdbcClient jdbc;
    private final GroupCommit groupCommit;
    private final Clock clock;

    AccessAudit(JdbcClient jdbc, GroupCommit groupCommit, Clock clock) {
        this.jdbc = jdbc;
        this.groupCommit = groupCommit;
        this.clock = clock;
    }

    /** One entry; {@code caseRef} and {@code assessmentId} when the call concerned a case. */
    public record Entry(long number, Instant at, String principal, String action, String caseRef,
            String assessmentId, int outcome) {
    }

    /** Committed before it returns, with the entries of other calls ending at the same moment. */
    void record(String principal, String action, String caseRef, String assessmentId, int outcome) {
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        groupCommit.write(() -> jdbc.sql("INSERT INTO access_audit"
                        + " (at, principal, action, case_ref, assessment_id, outcome) VALUES (?, ?, ?, ?, ?, ?)")
                .params(at, principal, action, caseRef, assessmentId, outcome)
                .update());
    }

    /** Newest first; only the case's entries when {@code caseRef} is given. */
    public List<Entry> page(String caseRef, int page, int size) {
        String where = caseRef == null ? "" : " WHERE case_ref = :caseRef";
        var statement = jdbc.sql("SELECT seq, at, principal, action, case_ref, assessment_id, outcome FROM access_audit"
                        + where + " ORDER BY seq DESC LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size);
        if (caseRef != null) {
            statement = statement.param("caseRef", caseRef);
        }
        return statement.query((rs, row) -> new Entry(rs.getLong("seq"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("principal"),
                        rs.getString("action"), rs.getString("case_ref"), rs.getString("assessment_id"),
                        rs.getInt("outcome")))
                .list();
    }
}
