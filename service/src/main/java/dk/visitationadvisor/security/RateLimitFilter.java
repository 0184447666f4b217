package dk.visitationadvisor.security;

import dk.visitationadvisor.security.TokenBuckets.Buckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many assessments one caller may ask for (429 with Retry-After beyond it), so that one
 * runaway client cannot crowd out the caseworkers: {@code advisor.security.rate-limit.assessments-per-minute}
 * per signed-in caller, refilled evenly over the minute (a token bucket, Bucket4j), shared by every
 * instance on PostgreSQL. Counts the API's assessments, previews and batches (a batch counts once) and
 * the page's assessment form alike. Runs once the caller is known.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final Buckets buckets;
    private final BucketConfiguration perCaller;
    private final ProblemResponses problems;

    RateLimitFilter(Buckets buckets, int perMinute, ProblemResponses problems) {
        this.buckets = buckets;
        this.perCaller = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits(request.getMethod(), request.getRequestURI());
    }

    /** Whether a request to this path is counted: the API's and the page's assessments. */
    static boolean limits(String method, String path) {
        return "POST".equals(method) && (path.startsWith("/api/v1/assessments") || path.equals("/assessments"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.bucket("assess:" + Callers.current(request), perCaller)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            problems.tooManyRequests(request, response, seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
