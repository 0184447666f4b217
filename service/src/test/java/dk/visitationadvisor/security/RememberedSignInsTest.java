package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class RememberedSignInsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger checks = new AtomicInteger();
    /** Stands in for bcrypt: counts every check; "right" is the only right password. */
    private final AuthenticationProvider checked = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
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
    private final LoginLockout lockout = new LoginLockout(new TokenBuckets().bucketsInMemory(1000), 2,
            Duration.ofMinutes(15));
    private final RememberedSignIns signIns = new RememberedSignIns(checked, lockout, Duration.ofMinutes(1),
            (Ticker) nanos::get);

    private static UsernamePasswordAuthenticationToken attempt(String password, String client) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("system",
                password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(client);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    @Test
    void checksARightPasswordOnceAWhileAndAWrongOneEveryTime() {
        assertThat(signIns.authenticate(attempt("right", "10.0.0.1")).isAuthenticated()).isTrue();
        assertThat(signIns.authenticate(attempt("right", "10.0.0.1")).getAuthorities()).hasSize(1);
        assertThat(checks).hasValue(1);

        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        signIns.authenticate(attempt("right", "10.0.0.1"));
        assertThat(checks).as("after the memory runs out").hasValue(3);

        signIns.forgetAll();
        signIns.authenticate(attempt("right", "10.0.0.1"));
        assertThat(checks).as("after an account changed").hasValue(4);
    }

    @Test
    void manyRequestsOfOneCallerAtOnceWaitForOneCheck() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AuthenticationProvider slow = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                checking.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return checked.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        RememberedSignIns slowSignIns = new RememberedSignIns(slow, lockout, Duration.ofMinutes(1), (Ticker) nanos::get);
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            answers.add(requests.submit(() -> slowSignIns.authenticate(attempt("right", "10.0.0.1"))));
            checking.await();
            for (int i = 0; i < 7; i++) {
                answers.add(requests.submit(() -> slowSignIns.authenticate(attempt("right", "10.0.0.1"))));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(checks).as("one bcrypt check for eight requests").hasValue(1);
    }

    @Test
    void aLockedClientIsRefusedEvenWithARememberedPasswordWhileAnotherClientSignsIn() {
        signIns.authenticate(attempt("right", "10.0.0.1"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIns.authenticate(attempt("guess", "10.6.6.6")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIns.authenticate(attempt("right", "10.6.6.6"))).isInstanceOf(LockedException.class);
        assertThat(signIns.authenticate(attempt("right", "10.0.0.1")).isAuthenticated())
                .as("the owner, from elsewhere").isTrue();
    }
}
