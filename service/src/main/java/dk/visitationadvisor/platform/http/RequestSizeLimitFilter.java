package dk.visitationadvisor.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses request bodies over the limit: at once when the length is announced, and while reading
 * when it is not (chunked), so that no body of any size can exhaust memory. Endpoints configured with
 * a larger limit ({@link BodyLimits}: the batch, rule sets) have theirs; every other endpoint, the
 * caseworker's form included, has the same small one (a form's parameters Tomcat reads itself, within
 * {@code server.tomcat.max-http-form-post-size}). The API answers 413 with a problem document, a page
 * with the error page. While reading, it also refuses an API body in UTF-8 (the default) that is not
 * well-formed UTF-8, which Jackson lets through in part (overlong forms). Runs before sign-in, so that
 * nobody can make the service read a large body, signed in or not.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 4)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestSizeLimitFilter(BodyLimits limits, MessageSource messages, LocaleResolver locales) {
        this.limits = limits;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.forPath(request.getRequestURI());
        if (!request.getRequestURI().startsWith("/api/")) {
            if (request.getContentLengthLong() > limit) {
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            String detail = messages.getMessage("problem.tooLarge.detail", null, locales.resolveLocale(request));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"" + detail.replace("\"", "'") + "\"}");
            return;
        }
        String charset = request.getCharacterEncoding();
        boolean utf8 = charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name());
        chain.doFilter(new LimitedRequest(request, limit, utf8), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final boolean utf8;

        LimitedRequest(HttpServletRequest request, long maxBytes, boolean utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            Utf8Check encoding = utf8 ? new Utf8Check() : null;
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0) {
                        count(1);
                        check(encoding == null || encoding.accept(b));
                    } else {
                        check(encoding == null || encoding.complete());
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                        check(encoding == null || encoding.accept(buffer, offset, n));
                    } else if (n < 0) {
                        check(encoding == null || encoding.complete());
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new RequestTooLargeException(maxBytes);
                    }
                }

                private void check(boolean wellFormed) throws IOException {
                    if (!wellFormed) {
                        throw new InvalidUtf8Exception();
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
