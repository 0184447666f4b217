package dk.visitationadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many assessments one client may request a minute (429 with Retry-After beyond it), so
 * that one runaway client cannot crowd out the caseworkers. The client is the signed-in caller, else
 * the address. A fixed window per client and minute: simple, and enough against floods.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final int perMinute;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitFilter(int perMinute, ProblemResponses problems, Clock clock) {
        this.perMinute = perMinute;
        this.problems = problems;
        this.clock = clock;
    }

    private record Window(long minute, int count) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/v1/assessments"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.millis();
        long minute = now / 60_000;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String client = caller != null && caller.isAuthenticated() ? "user:" + caller.getName()
                : "address:" + request.getRemoteAddr();
        Window window = windows.merge(client, new Window(minute, 1),
                (was, one) -> was.minute() == minute ? new Window(minute, was.count() + 1) : one);
        if (window.count() > perMinute) {
            problems.tooManyRequests(response, Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000));
            return;
        }
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        chain.doFilter(request, response);
    }
}
