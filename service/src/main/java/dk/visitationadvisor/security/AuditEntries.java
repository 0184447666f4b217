package dk.visitationadvisor.security;

import dk.visitationadvisor.security.AccessAudit.CaseRead;
import dk.visitationadvisor.security.AccessAudit.Entry;
import dk.visitationadvisor.security.AccessAudit.Notes;
import dk.visitationadvisor.security.TokenBuckets.Buckets;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The access audit's entries of a web request: one per case it read (noted by the feature through
 * {@link AccessAudit#note}, or named by the route's {@code caseRef} and {@code assessmentId}), each with
 * the person, the client's address, the route, the purpose the endpoint names and the status answered.
 * An anonymous client's calls have entries up to {@code advisor.security.audit.anonymous-per-minute} a
 * minute: beyond that none, so that nobody can fill the audit without signing in.
 */
@Component
class AuditEntries {

    private static final String PRINCIPAL = AuditEntries.class.getName() + ".principal";

    private static final Pattern CASE_PATH = Pattern.compile("^/api/v1/cases/([^/]+)");
    private static final Pattern ASSESSMENT_PATH = Pattern.compile("^/api/v1/assessments/([0-9a-fA-F-]{36})(/|$)");

    private final AssessmentCases assessments;
    private final Buckets buckets;
    private final BucketConfiguration anonymousLimit;
    private final Clock clock;

    AuditEntries(AssessmentCases assessments, Buckets buckets, Clock clock,
            @Value("${advisor.security.audit.anonymous-per-minute:60}") int anonymousPerMinute) {
        this.assessments = assessments;
        this.buckets = buckets;
        this.clock = clock;
        this.anonymousLimit = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(anonymousPerMinute).refillGreedy(anonymousPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Called by the security filters once the caller is known, also when it is then refused. */
    static void notePrincipal(HttpServletRequest request) {
        String caller = Callers.signedIn();
        if (caller != null) {
            request.setAttribute(PRINCIPAL, caller);
        }
    }

    /**
     * The request's entries as answered with {@code status}, with what it noted and {@code alsoRead};
     * none for a page that read no case, and none beyond an anonymous client's limit.
     */
    List<Entry> of(HttpServletRequest request, int status, List<CaseRead> alsoRead) {
        boolean api = request.getRequestURI().startsWith("/api/");
        Purpose purpose = purpose(request);
        Notes notes = AccessAudit.notes(request);
        if (!api && purpose == null && notes.reads.isEmpty() && alsoRead.isEmpty()) {
            return List.of();
        }
        List<CaseRead> reads = reads(request, notes, alsoRead);
        if (!api && reads.isEmpty() && notes.summaryDetail == null) {
            // A page that could read a case, asked for none (the blank form).
            return List.of();
        }
        Object principal = request.getAttribute(PRINCIPAL);
        String client = request.getRemoteAddr();
        if (principal == null && !buckets.bucket("audit:" + client, anonymousLimit).tryConsume(1)) {
            return List.of();
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // A refused call may not have reached a route: its path is what was asked for.
        String action = truncate(request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()), 200);
        String person = principal == null ? Callers.ANONYMOUS : principal.toString();
        Instant at = clock.instant();
        List<Entry> entries = new ArrayList<>(Math.max(1, reads.size()));
        if (notes.summaryDetail != null) {
            entries.add(new Entry(0, at, person, client, action, purpose, null, null,
                    (int) Math.min(Integer.MAX_VALUE, notes.summaryCases), truncate(notes.summaryDetail, 200), status));
        }
        for (CaseRead read : reads) {
            entries.add(new Entry(0, at, person, client, action, purpose, truncate(read.caseRef(), 64),
                    truncate(read.assessmentId(), 36), null, null, status));
        }
        if (entries.isEmpty()) {
            entries.add(new Entry(0, at, person, client, action, purpose, null, null, null, null, status));
        }
        return entries;
    }

    /** The purpose the endpoint names; null when the call reached none, or one that reads no case data. */
    private static Purpose purpose(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            Audited audited = handler.getMethodAnnotation(Audited.class);
            return audited == null ? null : audited.value();
        }
        return null;
    }

    /** What the request read: what it noted, else what its route names; each with its case. */
    private List<CaseRead> reads(HttpServletRequest request, Notes notes, List<CaseRead> alsoRead) {
        List<CaseRead> reads = new ArrayList<>(notes.reads);
        reads.addAll(alsoRead);
        if (reads.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (variables == null && request.getRequestURI().startsWith("/api/")) {
                // Refused before a route was chosen: read the case off the path as asked.
                variables = pathVariables(request.getRequestURI());
            }
            if (variables != null && (variables.containsKey("caseRef") || variables.containsKey("assessmentId"))) {
                reads.add(new CaseRead(variables.get("caseRef"), variables.get("assessmentId")));
            }
        }
        reads.replaceAll(read -> read.caseRef() == null && read.assessmentId() != null
                ? new CaseRead(caseOf(read.assessmentId()), read.assessmentId()) : read);
        return reads.stream().distinct().toList();
    }

    private String caseOf(String assessmentId) {
        return assessments.caseRefOf(assessmentId).orElse(null);
    }

    private static Map<String, String> pathVariables(String path) {
        Matcher caseRef = CASE_PATH.matcher(path);
        if (caseRef.find()) {
            return Map.of("caseRef", caseRef.group(1));
        }
        Matcher assessment = ASSESSMENT_PATH.matcher(path);
        return assessment.find() ? Map.of("assessmentId", assessment.group(1)) : Map.of();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
