package dk.visitationadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes one access-audit entry per API call, after it is answered: who, what (the method and the
 * route), which case, and the status answered, also for calls refused with 401 or 403. Runs around
 * the security filters, which tell it the caller through {@link #notePrincipal}.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final String PRINCIPAL = AuditFilter.class.getName() + ".principal";
    private static final String CASE_REF = AuditFilter.class.getName() + ".caseRef";
    private static final String ASSESSMENT_ID = AuditFilter.class.getName() + ".assessmentId";

    private static final Pattern CASE_PATH = Pattern.compile("^/api/v1/cases/([^/]+)");
    private static final Pattern ASSESSMENT_PATH = Pattern.compile("^/api/v1/assessments/([0-9a-fA-F-]{36})(/|$)");

    private final AccessAudit audit;
    private final JdbcClient jdbc;

    AuditFilter(AccessAudit audit, JdbcClient jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** For a call whose case is in its body, not its path: the assessment answered and its case. */
    public static void concerns(HttpServletRequest request, String caseRef, String assessmentId) {
        request.setAttribute(CASE_REF, caseRef);
        request.setAttribute(ASSESSMENT_ID, assessmentId);
    }

    /** Called by the security filters once the caller is known, also when it is then refused. */
    static void notePrincipal(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated()) {
            request.setAttribute(PRINCIPAL, caller.getName());
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response.getStatus());
        }
    }

    private void record(HttpServletRequest request, int status) {
        try {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request
                    .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String caseRef = (String) request.getAttribute(CASE_REF);
            String assessmentId = (String) request.getAttribute(ASSESSMENT_ID);
            if (variables == null) {
                // Refused before a route was chosen: read the case off the path as asked.
                variables = pathVariables(request.getRequestURI());
            }
            caseRef = caseRef != null ? caseRef : variables.get("caseRef");
            assessmentId = assessmentId != null ? assessmentId : variables.get("assessmentId");
            if (caseRef == null && assessmentId != null) {
                caseRef = jdbc.sql("SELECT case_ref FROM assessment WHERE id = ?").param(assessmentId)
                        .query(String.class).optional().orElse(null);
            }
            Object principal = request.getAttribute(PRINCIPAL);
            // A refused call may not have reached a route: its path is what was asked for.
            String action = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
            audit.record(principal == null ? "anonymous" : principal.toString(), truncate(action, 200),
                    caseRef == null ? null : truncate(caseRef, 64), assessmentId == null ? null
                            : truncate(assessmentId, 36), status);
        } catch (RuntimeException e) {
            // Never the entry's content in the log: it names a case.
            log.error("Could not write an access-audit entry ({})", e.getClass().getSimpleName());
        }
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
        return value.length() <= length ? value : value.substring(0, length);
    }
}
