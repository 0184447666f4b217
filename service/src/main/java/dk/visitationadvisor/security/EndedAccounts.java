package dk.visitationadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the page session of an account that was deleted or disabled since the session began: at its
 * next request, on whichever instance it reaches, the session is invalidated and the request goes on as
 * anonymous (so to the sign-in page). One look-up by primary key per page request, in
 * {@code ended_sign_ins}, which the accounts write when one is deleted or disabled.
 */
@Component
class EndedAccounts extends OncePerRequestFilter {

    private final Accounts accounts;

    EndedAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && caller != null && caller.getPrincipal() instanceof UserDetails account
                && accounts.signInsEndedAt(account.getUsername())
                        .filter(ended -> !Instant.ofEpochMilli(session.getCreationTime()).isAfter(ended)).isPresent()) {
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
