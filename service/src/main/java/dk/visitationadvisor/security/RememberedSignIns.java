package dk.visitationadvisor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs in with an account's name and password: refused at once while the {@link LoginLockout} locks
 * the account for this client, and a right password remembered for a short while, so that a system
 * calling with HTTP Basic pays for the deliberately slow bcrypt check once, not on every request (it
 * cost some 120–180 ms a request on this project's 2-core machine). Remembered in memory only (a
 * Caffeine cache), keyed by a salted SHA-256 of name and password, never the password; forgotten after
 * {@code ttl} and when any account changes.
 */
class RememberedSignIns implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final LoginLockout lockout;
    /** Per process: a remembered key says nothing outside it. */
    private final byte[] salt = new byte[16];
    private final Cache<String, Authentication> remembered;

    RememberedSignIns(AuthenticationProvider checked, LoginLockout lockout, Duration ttl,
            com.github.benmanes.caffeine.cache.Ticker ticker) {
        this.checked = checked;
        this.lockout = lockout;
        this.remembered = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Object password = attempt.getCredentials();
        if (password == null) {
            return null;
        }
        if (lockout.isLocked(attempt)) {
            throw new LockedException("Too many wrong passwords from this client; try again later.");
        }
        // Single-flight: when a remembered sign-in expires under load, the many requests of the same
        // caller wait for one bcrypt check instead of each running their own (a stampede that took
        // every request thread for a moment in a profile, docs/performance.md). A refused or
        // incomplete check is not remembered: the next request checks again.
        Authentication[] notRemembered = new Authentication[1];
        Authentication signIn = remembered.get(key(attempt.getName(), password.toString()), key -> {
            Authentication checkedNow = check(attempt);
            if (checkedNow != null && checkedNow.isAuthenticated()) {
                return checkedNow;
            }
            notRemembered[0] = checkedNow;
            return null;
        });
        return signIn != null ? signIn : notRemembered[0];
    }

    private Authentication check(Authentication attempt) {
        Authentication signIn;
        try {
            signIn = checked.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            lockout.failed(attempt);
            throw wrong;
        }
        if (signIn != null && signIn.isAuthenticated()) {
            lockout.succeeded(attempt);
        }
        return signIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An account was created, changed or deleted: every sign-in is checked again. */
    void forgetAll() {
        remembered.invalidateAll();
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
