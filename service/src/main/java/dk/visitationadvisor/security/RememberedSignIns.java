package dk.visitationadvisor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers for a short while which account name and password were right, so that a system calling
 * with HTTP Basic pays for the deliberately slow bcrypt check once, not on every request (it cost
 * some 120–180 ms a request on this project's 2-core machine). Kept in memory only, keyed by a salted
 * SHA-256 of name and password, never the password; forgotten after {@code ttl}, when any account
 * changes, and while the login throttle locks the account.
 */
class RememberedSignIns implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final LoginThrottle throttle;
    private final Duration ttl;
    private final Clock clock;
    /** Per process: a remembered key says nothing outside it. */
    private final byte[] salt = new byte[16];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Authentication signIn, Instant until) {
    }

    RememberedSignIns(AuthenticationProvider checked, LoginThrottle throttle, Duration ttl, Clock clock) {
        this.checked = checked;
        this.throttle = throttle;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        Object password = attempt.getCredentials();
        if (password == null || throttle.isLocked(name)) {
            return checked.authenticate(attempt);
        }
        String key = key(name, password.toString());
        Remembered earlier = remembered.get(key);
        if (earlier != null && earlier.until().isAfter(clock.instant())) {
            return earlier.signIn();
        }
        Authentication signIn = checked.authenticate(attempt);
        if (signIn != null && signIn.isAuthenticated()) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(signIn, clock.instant().plus(ttl)));
        }
        return signIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An account was created, changed or deleted: every sign-in is checked again. */
    void forgetAll() {
        remembered.clear();
    }

    private String key(String name, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
