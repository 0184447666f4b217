package dk.visitationadvisor.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: the signed-in account or token subject, or an anonymous client known by its address. */
public final class Callers {

    /** What the audit records as the person for a caller who is not signed in, with the client's address. */
    public static final String ANONYMOUS = "anonymous";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private Callers() {
    }

    /** The signed-in caller's name, or null: Spring's anonymous token ("anonymousUser") is nobody. */
    public static String signedIn() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return TRUST.isAuthenticated(caller) ? caller.getName() : null;
    }

    /** A key for limits: the signed-in caller, else the client's address. */
    static String current(HttpServletRequest request) {
        String name = signedIn();
        return name != null ? "user:" + name : "address:" + request.getRemoteAddr();
    }
}
