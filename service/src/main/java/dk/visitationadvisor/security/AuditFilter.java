package dk.visitationadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the access audit's entries of a request once it is answered ({@link AuditEntries}): every API
 * call, allowed or refused (401, 403 too), and every page that reads case data ({@link Audited}). Runs
 * around the security filters, which tell it the caller through {@link #notePrincipal}. A request whose
 * entries were already committed with what it stored ({@link AccessAudit#withTheRecord}) is not written
 * again.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class AuditFilter extends OncePerRequestFilter {

    /** Set on a request whose entries were committed with its record. */
    static final String WRITTEN = AuditFilter.class.getName() + ".written";
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AccessAudit audit;
    private final AuditEntries entries;

    AuditFilter(AccessAudit audit, AuditEntries entries) {
        this.audit = audit;
        this.entries = entries;
    }

    /** Called by the security filters once the caller is known, also when it is then refused. */
    static void notePrincipal(HttpServletRequest request) {
        AuditEntries.notePrincipal(request);
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
        if (request.getAttribute(WRITTEN) != null) {
            return;
        }
        try {
            audit.record(entries.of(request, status, List.of()));
        } catch (RuntimeException e) {
            // Never the entry's content in the log: it names a case.
            log.error("Could not write an access-audit entry ({})", e.getClass().getSimpleName());
        }
    }
}
