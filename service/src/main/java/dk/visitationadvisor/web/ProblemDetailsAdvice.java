package dk.visitationadvisor.web;

import dk.visitationadvisor.activation.ActivationRefusedException;
import dk.visitationadvisor.assessment.IdempotencyKeyReusedException;
import dk.visitationadvisor.assessment.RulesFailedException;
import dk.visitationadvisor.authoring.CandidateStoppedException;
import dk.visitationadvisor.authoring.CandidateWorkersBusyException;
import dk.visitationadvisor.authoring.InvalidRuleSetException;
import dk.visitationadvisor.authoring.ScenariosUnavailableException;
import dk.visitationadvisor.authoring.TooFewAssessmentsException;
import dk.visitationadvisor.authoring.UnknownRuleSetVersionException;
import dk.visitationadvisor.casehistory.StorageFailures;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final URI INVALID_INPUT = URI.create("/problems/invalid-input");
    static final URI INVALID_RULE_SET = URI.create("/problems/invalid-rule-set");
    static final URI ACTIVATION_REFUSED = URI.create("/problems/activation-refused");
    static final URI CANDIDATE_STOPPED = URI.create("/problems/candidate-stopped");
    static final URI CANDIDATE_WORKERS_BUSY = URI.create("/problems/candidate-checks-busy");
    static final URI TOO_FEW_ASSESSMENTS = URI.create("/problems/too-few-assessments");
    static final URI STORAGE_UNAVAILABLE = URI.create("/problems/storage-unavailable");
    static final URI RULE_FAILURE = URI.create("/problems/rule-failure");
    static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");
    static final URI IDEMPOTENCY_KEY_REUSED = URI.create("/problems/idempotency-key-reused");
    /**
     * At most this many entries in {@code errors}: a 64 KiB request can hold ten thousand bad values,
     * and listing them all would answer it with megabytes.
     */
    static final int LISTED_ERRORS = 100;
    /** Seconds a client is asked to wait before it tries again while the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Seconds an author is asked to wait before checking a candidate again while every worker is busy. */
    static final String CHECK_RETRY_AFTER_SECONDS = "30";
    /** Seconds a client is asked to wait before it sends a batch again while too many run. */
    static final String BATCH_RETRY_AFTER_SECONDS = "10";
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

    /** An idempotency key sent again with another request: the client's mistake, and nothing is stored. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                message("problem.idempotencyKeyReused.detail"));
        problem.setType(IDEMPOTENCY_KEY_REUSED);
        problem.setTitle(message("problem.idempotencyKeyReused.title"));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(UnknownRuleSetVersionException.class)
    ResponseEntity<Object> unknownRuleSetVersion(UnknownRuleSetVersionException ex) {
        return invalid(message("problem.invalid.detail", 1),
                List.of(new FieldProblem(ex.field(), message("ruleSet.unknownVersion"))));
    }

    /** A candidate rule set that does not build: every error, with file and line. */
    @ExceptionHandler(InvalidRuleSetException.class)
    ResponseEntity<ProblemDetail> invalidRuleSet(InvalidRuleSetException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                message("problem.ruleSet.detail", ex.errors().size()));
        problem.setType(INVALID_RULE_SET);
        problem.setTitle(message("problem.ruleSet.title"));
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** An activation refused: the candidate's errors or failing scenarios. The live rules stay. */
    @ExceptionHandler(ActivationRefusedException.class)
    ResponseEntity<ProblemDetail> activationRefused(ActivationRefusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(ACTIVATION_REFUSED);
        problem.setTitle(message("problem.activationRefused.title"));
        problem.setProperty("errors", ex.errors());
        problem.setProperty("failedScenarios", ex.failedScenarios());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** A candidate's check stopped past its time or memory, or failed: the candidate's doing; the live rules stay. */
    @ExceptionHandler(CandidateStoppedException.class)
    ResponseEntity<ProblemDetail> candidateStopped(CandidateStoppedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                message(ex.messageCode(), ex.messageArguments()));
        problem.setType(CANDIDATE_STOPPED);
        problem.setTitle(message("problem.candidateStopped.title"));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** Every candidate worker is busy: try again shortly. */
    @ExceptionHandler(CandidateWorkersBusyException.class)
    ResponseEntity<ProblemDetail> candidateWorkersBusy(CandidateWorkersBusyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                message("problem.candidateWorkersBusy.detail"));
        problem.setType(CANDIDATE_WORKERS_BUSY);
        problem.setTitle(message("problem.candidateWorkersBusy.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, CHECK_RETRY_AFTER_SECONDS).body(problem);
    }

    /** An impact preview over too few stored assessments: how many there are, and how many it needs. */
    @ExceptionHandler(TooFewAssessmentsException.class)
    ResponseEntity<ProblemDetail> tooFewAssessments(TooFewAssessmentsException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                message("problem.tooFewAssessments.detail", ex.found(), ex.minimum()));
        problem.setType(TOO_FEW_ASSESSMENTS);
        problem.setTitle(message("problem.tooFewAssessments.title"));
        problem.setProperty("found", ex.found());
        problem.setProperty("minimum", ex.minimum());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(ScenariosUnavailableException.class)
    ResponseEntity<ProblemDetail> noScenarios(ScenariosUnavailableException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
    }

    /** Too many batches running: try again once one has finished. */
    @ExceptionHandler(TooManyBatchesException.class)
    ResponseEntity<ProblemDetail> tooManyBatches(TooManyBatchesException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                message(ex.forAll() ? "problem.tooManyBatches.detail" : "problem.tooManyOwnBatches.detail"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, BATCH_RETRY_AFTER_SECONDS)
                .body(problem);
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
            return unexpected(ex);
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
     * A rule failed on this family (e.g. a division by zero in a condition): a fault of the rule set,
     * so a 500, with an incident id that the log repeats. Nothing is stored; other families go on.
     */
    @ExceptionHandler(RulesFailedException.class)
    ResponseEntity<ProblemDetail> rulesFailed(RulesFailedException ex) {
        String incident = Incidents.log(log, ex.getMessage(), ex.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                message("problem.ruleFailure.detail", ex.rulesetVersion(), incident));
        problem.setType(RULE_FAILURE);
        problem.setTitle(message("problem.ruleFailure.title"));
        problem.setProperty("incident", incident);
        problem.setProperty("rulesetVersion", ex.rulesetVersion());
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Anything unexpected: a 500 without details, logged under an incident id without personal data. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
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
    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    /** The first {@link #LISTED_ERRORS} problems; the detail gives the count of all. */
    private ResponseEntity<Object> invalid(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle(message("problem.invalid.title"));
        problem.setProperty("errors", errors.size() > LISTED_ERRORS ? errors.subList(0, LISTED_ERRORS) : errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static <T extends Throwable> T causeOf(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
