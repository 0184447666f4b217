package dk.visitationadvisor.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The account the tests sign in with: the bootstrap account, with a password made up for this test
 * run (no secret in the repository), given to every service the tests start as
 * {@code advisor.security.bootstrap.password}. Registered as a JUnit launcher session listener, so it
 * is set before any test starts a service.
 */
public final class TestAccount implements LauncherSessionListener {

    private static final String PROPERTY = "advisor.security.bootstrap.password";
    public static final String USERNAME = "admin";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) == null) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            System.setProperty(PROPERTY, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    public static String password() {
        return System.getProperty(PROPERTY);
    }

    /** A new random password that meets the password policy, for an account a test makes. */
    public static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value of an {@code Authorization} header that signs in as the test account. */
    public static String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + password())
                .getBytes(StandardCharsets.UTF_8));
    }
}
