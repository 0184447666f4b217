package dk.visitationadvisor.security;

import dk.visitationadvisor.casehistory.StorageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and 429 of the API as problem documents, like every other error it answers. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    /**
     * Spring MVC's, so that a failure met while signing in is answered as the same failure anywhere
     * else; absent where the application serves no web requests (and nothing signs in).
     */
    private final ObjectProvider<HandlerExceptionResolver> exceptions;

    ProblemResponses(JsonMapper json,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> exceptions) {
        this.json = json;
        this.exceptions = exceptions;
    }

    /**
     * No or wrong credentials: the challenges say which schemes are accepted. When the accounts could
     * not be read because the database is away, the credentials are not wrong: that failure is answered
     * as anywhere else (503 while the database is away), so that a caller retries rather than doubting
     * its password.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException && e.getCause() instanceof Exception cause
                && StorageFailures.isUnavailable(cause)
                && exceptions.getObject().resolveException(request, response, null, cause) != null) {
            return;
        }
        response.addHeader("WWW-Authenticate", "Basic realm=\"visitation-advisor\"");
        response.addHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Sign in: HTTP Basic with an account, or a bearer token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        AuditFilter.notePrincipal(request);
        write(response, HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; try again in "
                + retryAfterSeconds + " s.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(ProblemDetail.forStatusAndDetail(status, detail)));
    }
}
