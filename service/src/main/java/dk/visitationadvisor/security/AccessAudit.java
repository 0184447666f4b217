package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.storage.GroupCommit;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The access audit: who read or changed which case, why, from where, and what came of it, also when
 * refused. Appended to only; readable by administrators.
 *
 * <p>Features call {@link #note} wherever they read case data in a web request: the reads are written
 * when the request is answered, one entry per case, with the signed-in person (or "anonymous" and the
 * client's address), the purpose named by the endpoint ({@link Audited}) and the status answered. A read
 * of many cases that is one act (an impact preview) is one entry: {@link #noteSummary}. {@link #record}
 * writes entries at once, inside the caller's transaction when there is one, so that an entry can be
 * committed with what it records.
 */
@Repository
public class AccessAudit {

    private static final String NOTES = AccessAudit.class.getName() + ".notes";
    private static final String INSERT = "INSERT INTO access_audit (at, principal, client, action, purpose, case_ref, "
            + "assessment_id, cases_read, detail, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final GroupCommit groupCommit;
    private final AuditEntries requestEntries;

    AccessAudit(JdbcClient jdbc, JdbcTemplate batches, GroupCommit groupCommit, AuditEntries requestEntries) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.groupCommit = groupCommit;
        this.requestEntries = requestEntries;
    }

    /** A case read, and the assessment when one in particular was read or made. */
    public record CaseRead(String caseRef, String assessmentId) {
    }

    /**
     * One entry.
     *
     * @param principal the account or token subject, or {@value Callers#ANONYMOUS}
     * @param client the caller's address (the forwarded address behind a trusted proxy)
     * @param action the method and route, e.g. {@code GET /api/v1/cases/{caseRef}/assessments}, or the page
     * @param purpose why case data was read, named by the endpoint; null for a call that read none
     * @param casesRead for one entry standing for many cases (an impact preview): how many
     * @param detail what identifies such a read, e.g. the candidate rule set's version
     * @param outcome the HTTP status answered
     */
    @Schema(name = "AuditEntry")
    public record Entry(long number, Instant at, String principal, String client, String action, Purpose purpose,
            String caseRef, String assessmentId, Integer casesRead, String detail, int outcome) {
    }

    /** Notes that the current web request read this case (and assessment); written when the request is answered. */
    public void note(String caseRef, String assessmentId) {
        note(List.of(new CaseRead(caseRef, assessmentId)));
    }

    /** Notes that the current web request read these cases; written when the request is answered. */
    public void note(Collection<CaseRead> reads) {
        notes(currentRequest()).reads.addAll(reads);
    }

    /**
     * Notes one read of many cases that is one act, e.g. an impact preview: one entry, with what
     * identifies it (say, the candidate rule set's version) and how many cases it read.
     */
    public void noteSummary(String detail, long cases) {
        Notes notes = notes(currentRequest());
        notes.summaryDetail = detail;
        notes.summaryCases = cases;
    }

    /** Writes entries now, with the caller's transaction when there is one, else committed with others. */
    public void record(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        groupCommit.write(() -> batches.batchUpdate(INSERT, entries.stream().map(this::values).toList()));
    }

    /**
     * The current request's entries, to be written in the transaction that stores what the request made
     * (an assessment), so that the record and its entries are committed together: one transaction, not a
     * second one for the audit once the request is answered. They read as the request will be answered,
     * with {@code status}. If that transaction is never committed, the request is written when answered,
     * as any other, with the status it got.
     */
    public EntriesWithRecord withTheRecord(int status) {
        return new EntriesWithRecord(currentRequest(), status);
    }

    /** A request's entries, written with what it stored; see {@link #withTheRecord}. */
    public final class EntriesWithRecord {

        private final HttpServletRequest request;
        private final int status;
        private boolean made;

        private EntriesWithRecord(HttpServletRequest request, int status) {
            this.request = request;
            this.status = status;
        }

        /**
         * The write of the entries, with this case and assessment read, to be run inside the record's
         * transaction (by whichever thread commits it). Made in the request's thread.
         */
        public Runnable write(String caseRef, String assessmentId) {
            List<Entry> entries = requestEntries.of(request, status, List.of(new CaseRead(caseRef, assessmentId)));
            made = true;
            return () -> {
                if (!entries.isEmpty()) {
                    batches.batchUpdate(INSERT, entries.stream().map(AccessAudit.this::values).toList());
                }
            };
        }

        /** Once the record's transaction is committed: the request is not written again when answered. */
        public void committed() {
            if (made) {
                request.setAttribute(AuditFilter.WRITTEN, Boolean.TRUE);
            }
        }
    }

    /** Newest first; only the case's entries when {@code caseRef} is given. */
    public List<Entry> page(String caseRef, int page, int size) {
        String where = caseRef == null ? "" : " WHERE case_ref = :caseRef";
        var statement = jdbc.sql("SELECT seq, at, principal, client, action, purpose, case_ref, assessment_id, "
                        + "cases_read, detail, outcome FROM access_audit" + where
                        + " ORDER BY seq DESC LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size);
        if (caseRef != null) {
            statement = statement.param("caseRef", caseRef);
        }
        return statement.query((rs, row) -> new Entry(rs.getLong("seq"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("principal"),
                        rs.getString("client"), rs.getString("action"),
                        rs.getString("purpose") == null ? null : Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("case_ref"), rs.getString("assessment_id"),
                        (Integer) rs.getObject("cases_read"), rs.getString("detail"), rs.getInt("outcome")))
                .list();
    }

    /** What the current request noted, for {@link AuditFilter}; empty when it noted nothing. */
    static Notes notes(HttpServletRequest request) {
        Notes notes = (Notes) request.getAttribute(NOTES);
        if (notes == null) {
            notes = new Notes();
            request.setAttribute(NOTES, notes);
        }
        return notes;
    }

    private Object[] values(Entry entry) {
        return new Object[] {OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC), entry.principal(), entry.client(),
                entry.action(), new SqlParameterValue(Types.VARCHAR, entry.purpose() == null ? null : entry.purpose().name()),
                new SqlParameterValue(Types.VARCHAR, entry.caseRef()),
                new SqlParameterValue(Types.VARCHAR, entry.assessmentId()),
                new SqlParameterValue(Types.INTEGER, entry.casesRead()),
                new SqlParameterValue(Types.VARCHAR, entry.detail()), entry.outcome()};
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest();
        }
        throw new IllegalStateException("Case data read outside a web request: record the entry with record()");
    }

    /** The reads a request noted. */
    static final class Notes {
        final List<CaseRead> reads = new ArrayList<>();
        String summaryDetail;
        long summaryCases;
    }
}
