package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.validation.NotCprShaped;
import dk.visitationadvisor.platform.storage.StorageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403, 429 and the refusal of CPR-shaped addresses as problem documents, like every other error
 * the API answers; on the caseworker's pages as the error page.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** The methods the firewall lets through; any other is one no address of ours takes. */
    private static final List<String> KNOWN_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;
    /**
     * Spring MVC's, so that a failure met while signing in is answered as the same failure anywhere
     * else; absent where the application serves no web requests (and nothing signs in).
     */
    private final ObjectProvider<HandlerExceptionResolver> exceptions;
    /** The API's routes, to tell an address nothing answers from one the caller's role may not use. */
    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    ProblemResponses(JsonMapper json, MessageSource messages, ObjectProvider<LocaleResolver> locales,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> exceptions,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.json = json;
        this.messages = messages;
        this.locales = locales.getIfAvailable(() -> new AcceptHeaderLocaleResolver());
        this.exceptions = exceptions;
        this.routes = routes;
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
                && answered(request, response, cause)) {
            return;
        }
        response.addHeader("WWW-Authenticate", "Basic realm=\"visitation-advisor\"");
        response.addHeader("WWW-Authenticate", "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "Sign in: HTTP Basic with an account, or a bearer token.");
    }

    /**
     * Refused by the role matrix. An address of the API that nothing answers at all (the matrix denies
     * whatever it does not list) is not a matter of roles: it is answered 404, or 405 with the methods
     * it does take, as Spring MVC would answer it.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        AuditFilter.notePrincipal(request);
        Exception unanswerable = isApi(request) ? unanswerable(request) : null;
        if (unanswerable != null && answered(request, response, unanswerable)) {
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    /**
     * Refused by the firewall before anything else: an address it does not take (an encoded slash, a
     * path with "..") is a bad request; a method none of our addresses takes (QUERY, say) is 405, with
     * the methods this address does take.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        boolean unknownMethod = !KNOWN_METHODS.contains(request.getMethod());
        HttpStatus status = unknownMethod ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST;
        if (unknownMethod) {
            String allowed = String.join(", ", allowedMethods(request));
            response.setHeader(HttpHeaders.ALLOW, allowed);
        }
        if (!isApi(request)) {
            response.sendError(status.value());
            return;
        }
        write(response, status, message(request, "problem.status." + status.value()));
    }

    /** The methods some route takes at this request's address. */
    private List<String> allowedMethods(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        if (mapping == null) {
            return List.of();
        }
        return KNOWN_METHODS.stream().filter(method -> {
            try {
                return mapping.getHandler(new LookupOnly(request, method)) != null;
            } catch (HttpRequestMethodNotSupportedException e) {
                return false;
            } catch (Exception e) {
                // A route for this method, though not for this request's content type or parameters.
                return true;
            }
        }).toList();
    }

    /** Answered as Spring MVC answers the failure, in the request's language (no dispatcher has set it yet). */
    private boolean answered(HttpServletRequest request, HttpServletResponse response, Exception failure) {
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            return exceptions.getObject().resolveException(request, response, null, failure) != null;
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** Why no controller would answer this request, or null when one would. */
    private Exception unanswerable(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        if (mapping == null) {
            return null;
        }
        // Looked up on a copy: the lookup notes the route it finds on the request, and the access audit
        // must not take a refused request for one its route answered.
        HttpServletRequest lookup = new LookupOnly(request, request.getMethod());
        try {
            return mapping.getHandler(lookup) == null
                    ? new NoHandlerFoundException(request.getMethod(), request.getRequestURI(), new HttpHeaders())
                    : null;
        } catch (HttpRequestMethodNotSupportedException e) {
            return e;
        } catch (Exception e) {
            // A route that answers, though not this content type or these parameters: its role decides.
            return null;
        }
    }

    /**
     * The request as it is, asked with the given method, with attributes of its own, so that a handler
     * lookup leaves no trace on it.
     */
    private static final class LookupOnly extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();
        private final String method;

        LookupOnly(HttpServletRequest request, String method) {
            super(request);
            this.method = method;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
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
