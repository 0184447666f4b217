package dk.visitationadvisor.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a number of failed sign-ins in a row an account is locked for a
 * while, for form login and HTTP Basic alike. A success clears the count.
 */
@Component
class LoginThrottle {

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${advisor.security.login.max-failures:5}") int maxFailures,
            @Value("${advisor.security.login.lockout:PT15M}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    boolean isLocked(String username) {
        Failures f = failures.get(username);
        return f != null && f.count() >= maxFailures && f.last().plus(lockout).isAfter(clock.instant());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        failures.merge(username, new Failures(1, clock.instant()), (was, one) -> was.last().plus(lockout)
                .isBefore(clock.instant()) ? one : new Failures(was.count() + 1, one.last()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }
}
