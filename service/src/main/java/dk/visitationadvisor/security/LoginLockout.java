package dk.visitationadvisor.security;

import dk.visitationadvisor.security.TokenBuckets.Buckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing anyone a way to lock others out: wrong passwords are
 * counted per account <em>and</em> client (its address), so that {@code advisor.security.login.max-failures}
 * of them from one client lock the account for that client only, while its owner signs in from
 * anywhere else. A locked pair may try again once every {@code lockout / max-failures}; a right password
 * clears its count. Form sign-in and HTTP Basic count alike; the open health endpoints take no
 * credentials at all, so nothing sent to them counts. Kept in {@link TokenBuckets}: shared by every
 * instance on PostgreSQL.
 */
@Component
class LoginLockout {

    private final Buckets buckets;
    private final BucketConfiguration failures;

    LoginLockout(Buckets buckets, @Value("${advisor.security.login.max-failures:5}") int maxFailures,
            @Value("${advisor.security.login.lockout:PT15M}") Duration lockout) {
        this.buckets = buckets;
        this.failures = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillGreedy(maxFailures, lockout))
                .build();
    }

    /** Whether this client may not try this account's password now. */
    boolean isLocked(Authentication attempt) {
        return bucket(attempt).getAvailableTokens() <= 0;
    }

    /** A wrong password (or no such account) from this client. */
    void failed(Authentication attempt) {
        bucket(attempt).tryConsume(1);
    }

    /** The password was checked and right: this client's count starts again. */
    void succeeded(Authentication attempt) {
        bucket(attempt).reset();
    }

    private Bucket bucket(Authentication attempt) {
        return buckets.bucket("login:" + client(attempt) + ":" + attempt.getName(), failures);
    }

    /** The client's address; the proxy's forwarded address when it is behind a trusted one (server.forward-headers-strategy). */
    static String client(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
