package dk.visitationadvisor.security;

import dk.visitationadvisor.casehistory.StorageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and 429 of the API as problem documents, like every other error it answers. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** As for every other answer while the database is away (web.ProblemDetailsAdvice). */
    private static final String STORAGE_RETRY_AFTER_SECONDS = "5";
    private static final URI STORAGE_UNAVAILABLE = URI.create("/problems/storage-unavailable");

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * No or wrong credentials: the challenges say which schemes are accepted. When the accounts could
     * not be read because the database is away, the credentials are not wrong: 503, as for any request
     * that needs the database then, so that a caller retries rather than doubting its password.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException && StorageFailures.isUnavailable(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Sign-in "
                    + "cannot be checked at the moment: the account store cannot be reached. Try again in a little while.");
            problem.setType(STORAGE_UNAVAILABLE);
            response.setHeader("Retry-After", STORAGE_RETRY_AFTER_SECONDS);
            write(response, problem);
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
        write(response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
