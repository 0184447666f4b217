package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedSignInsTest {

    private Instant now = Instant.parse("2026-11-24T00:00:00Z");
    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for bcrypt: counts every check; "right" is the only right password. */
    private final AuthenticationProvider checked = new AuthenticationProvider() {
        @Override
        public org.springframework.security.core.Authentication authenticate(
                org.springframework.security.core.Authentication attempt) {
            checks.incrementAndGet();
            if (!"right".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_SYSTEM")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(15), clock);
    private final RememberedSignIns signIns = new RememberedSignIns(checked, throttle, Duration.ofMinutes(1), clock);

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("system", password);
    }

    @Test
    void checksARightPasswordOnceAWhileAndAWrongOneEveryTime() {
        assertThat(signIns.authenticate(attempt("right")).isAuthenticated()).isTrue();
        assertThat(signIns.authenticate(attempt("right")).getAuthorities()).hasSize(1);
        assertThat(checks).hasValue(1);

        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);

        now = now.plus(Duration.ofSeconds(61));
        signIns.authenticate(attempt("right"));
        assertThat(checks).as("after the memory runs out").hasValue(4);

        signIns.forgetAll();
        signIns.authenticate(attempt("right"));
        assertThat(checks).as("after an account changed").hasValue(5);
    }

    @Test
    void aLockedAccountIsAlwaysCheckedEvenWithARememberedPassword() {
        signIns.authenticate(attempt("right"));
        for (int i = 0; i < 2; i++) {
            throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt("guess"),
                    new BadCredentialsException("wrong")));
        }
        signIns.authenticate(attempt("right"));
        assertThat(checks).hasValue(2);
    }
}
