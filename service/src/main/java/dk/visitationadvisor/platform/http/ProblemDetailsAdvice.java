package dk.visitationadvisor.platform.http;

import dk.visitationadvisor.platform.storage.StorageFailures;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every client error as an RFC 9457 problem document; invalid input names each offending field and
 * why, in {@code errors}. Values are never echoed back: they may be personal data.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final URI INVALID_INPUT = URI.create("/problems/invalid-input");
    static final URI STORAGE_UNAVAILABLE = URI.create("/problems/storage-unavailable");
    static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");
    /**
     * At most this many entries in {@code errors}: a 64 KiB request can hold ten thousand bad values,
     * and listing them all would answer it with megabytes.
     */
    public static final int LISTED_ERRORS = 100;
    /** Seconds a client is asked to wait before it tries again while the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Jackson's message for a field given twice names the field. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"([^\"]+)\"");

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return invalid(message("problem.invalid.detail", ex.problems().size()), ex.problems());
    }

    /** A body read by the handler itself (the batch) that is over its limit, or not UTF-8. */
    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, message("problem.tooLarge.detail")));
    }

    @ExceptionHandler(InvalidUtf8Exception.class)
    ResponseEntity<Object> notUtf8(InvalidUtf8Exception ex) {
        return invalid(message("problem.unreadable.detail"), List.of(new FieldProblem("", message("request.notUtf8"))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
    }

    /** A path or query parameter out of range, e.g. a timeline page size over the limit. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> invalidParameter(jakarta.validation.ConstraintViolationException ex) {
        List<FieldProblem> problems = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString().replaceFirst("^[^.]*\\.", ""), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return invalid(message("problem.invalid.detail", problems.size()), problems);
    }

    /** The body is not JSON at all, is missing, or is too large to read. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOf(ex, RequestTooLargeException.class) != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, message("problem.tooLarge.detail")));
        }
        if (causeOf(ex, InvalidUtf8Exception.class) != null) {
            return invalid(message("problem.unreadable.detail"), List.of(new FieldProblem("", message("request.notUtf8"))));
        }
        StreamReadException malformed = causeOf(ex, StreamReadException.class);
        String problem;
        String field = "";
        Matcher duplicate = malformed == null ? null : DUPLICATE.matcher(malformed.getOriginalMessage());
        if (malformed == null || malformed.getLocation() == null) {
            problem = message("request.notAnObject");
        } else if (duplicate.find()) {
            problem = message("request.duplicateField");
            field = duplicate.group(1);
        } else {
            problem = message("request.notJson", malformed.getLocation().getLineNr(),
                    malformed.getLocation().getColumnNr());
        }
        return invalid(message("problem.unreadable.detail"), List.of(new FieldProblem(field, problem)));
    }

    /**
     * The database cannot be reached or cannot write (down, unreachable, disk full): {@code 503} with
     * {@code Retry-After}. The transaction was rolled back, so nothing of the request is stored; the
     * service goes on by itself once the database is back. Any other database error is a fault: 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> storage(RuntimeException ex) {
        if (!StorageFailures.isUnavailable(ex)) {
            return internalError(ex);
        }
        log.warn("The case history is unavailable ({}); answered 503", Incidents.kinds(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                message("problem.storageUnavailable.detail"));
        problem.setType(STORAGE_UNAVAILABLE);
        problem.setTitle(message("problem.storageUnavailable.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    /**
     * A feature's own problem, as the feature describes it ({@link AdvisorProblem}); anything else
     * unexpected: a 500 without details, logged under an incident id without personal data.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception ex) {
        AdvisorProblem known = causeOf(ex, AdvisorProblem.class);
        return known == null ? internalError(ex) : answer(known);
    }

    private ResponseEntity<?> answer(AdvisorProblem known) {
        AdvisorProblem.Problem answer = known.problem();
        if (!answer.fields().isEmpty()) {
            List<FieldProblem> problems = answer.fields().entrySet().stream()
                    .map(field -> new FieldProblem(field.getKey(), message(field.getValue()))).toList();
            return invalid(message("problem.invalid.detail", problems.size()), problems);
        }
        HttpStatus status = HttpStatus.valueOf(answer.status());
        Throwable failure = (Throwable) known;
        String incident = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? Incidents.log(log, failure.getMessage(), failure.getCause()) : null;
        MessageSourceResolvable detail = answer.detail();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? null
                : incident == null ? message(detail) : message(withArgument(detail, incident)));
        if (answer.type() != null) {
            problem.setType(answer.type());
        }
        if (answer.titleCode() != null) {
            problem.setTitle(message(answer.titleCode()));
        }
        if (incident != null) {
            problem.setProperty("incident", incident);
        }
        answer.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        known.headers().forEach(response::header);
        return response.body(problem);
    }

    private ResponseEntity<ProblemDetail> internalError(Exception ex) {
        String incident = Incidents.log(log, "unexpected error while handling a request", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                message("problem.internal.detail", incident));
        problem.setType(INTERNAL_ERROR);
        problem.setTitle(message("problem.internal.title"));
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Spring's own client errors (no such address, method or content type, a parameter of the wrong
     * type, …) say what was asked in their detail ("No static resource …", "Method 'X' is not
     * supported", "Failed to convert value 'x'"): the detail is replaced by one that repeats nothing.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            // Spring would fill in its own detail ("No endpoint GET /api/…"), which repeats the path.
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setDetail(messages.getMessage("problem.status." + statusCode.value(), null,
                    messages.getMessage("problem.status.other", null, LocaleContextHolder.getLocale()),
                    LocaleContextHolder.getLocale()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * A problem answered by a controller itself (a conflict), typed as the problem document it is:
     * the operation's {@code produces} would otherwise label it plain JSON.
     */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    private String message(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    private static MessageSourceResolvable withArgument(MessageSourceResolvable detail, Object argument) {
        Object[] given = detail.getArguments() == null ? new Object[0] : detail.getArguments();
        Object[] arguments = Arrays.copyOf(given, given.length + 1);
        arguments[given.length] = argument;
        return new DefaultMessageSourceResolvable(detail.getCodes(), arguments,
                detail.getDefaultMessage());
    }

    /** The first {@link #LISTED_ERRORS} problems; the detail gives the count of all. */
    private ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle(message("problem.invalid.title"));
        problem.setProperty("errors", errors.size() > LISTED_ERRORS ? errors.subList(0, LISTED_ERRORS) : errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static <T> T causeOf(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
