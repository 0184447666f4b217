package dk.visitationadvisor.security;

import dk.visitationadvisor.casehistory.StorageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403, 429 and the refusal of CPR-shaped addresses as problem documents, like every other error
 * the API answers; on the caseworker's pages as the error page.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;
    /**
     * Spring MVC's, so that a failure met while signing in is answered as the same failure anywhere
     * else; absent where the application serves no web requests (and nothing signs in).
     */
    private final ObjectProvider<HandlerExceptionResolver> exceptions;

    ProblemResponses(JsonMapper json, MessageSource messages, ObjectProvider<LocaleResolver> locales,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> exceptions) {
        this.json = json;
        this.messages = messages;
        this.locales = locales.getIfAvailable(() -> new AcceptHeaderLocaleResolver());
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

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (!isApi(request)) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        write(response, HttpStatus.TOO_MANY_REQUESTS, message(request, "problem.tooManyRequests.detail", retryAfterSeconds));
    }

    /** A CPR-shaped value in the address: refused, and the value never repeated. */
    void cprShaped(HttpServletRequest request, HttpServletResponse response, String where) throws IOException {
        if (!isApi(request)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                message(request, "problem.invalid.detail", 1));
        problem.setType(URI.create("/problems/invalid-input"));
        problem.setTitle(message(request, "problem.invalid.title"));
        problem.setProperty("errors", List.of(Map.of("field", where,
                "message", message(request, "dk.visitationadvisor.NotCprShaped.message"))));
        write(response, problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    private String message(HttpServletRequest request, String code, Object... arguments) {
        return messages.getMessage(code, arguments, locales.resolveLocale(request));
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
