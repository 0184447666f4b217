package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentService.AnsweredAssessment;
import dk.visitationadvisor.assessment.IdempotentAssessments.Keyed;
import dk.visitationadvisor.casehistory.CaseHistory;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.platform.http.NotFoundException;
import dk.visitationadvisor.platform.http.RequestReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.AccessAudit.EntriesWithRecord;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import dk.visitationadvisor.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Assessments", description = "Explained recommendations for visitation to intensive infant-family programmes")
class AssessmentController {

    private final AssessmentService assessments;
    private final RequestReader requests;
    private final CaseHistory history;
    private final AccessAudit audit;
    private final IdempotentAssessments idempotentAssessments;
    private final IdempotencyKeyHeader idempotencyKeys;
    private final AnswerAdditions whatIf;

    AssessmentController(AssessmentService assessments, RequestReader requests, CaseHistory history,
            AccessAudit audit, IdempotentAssessments idempotentAssessments, IdempotencyKeyHeader idempotencyKeys,
            AnswerAdditions whatIf) {
        this.idempotentAssessments = idempotentAssessments;
        this.idempotencyKeys = idempotencyKeys;
        this.assessments = assessments;
        this.requests = requests;
        this.history = history;
        this.audit = audit;
        this.whatIf = whatIf;
    }

    static final String RANK_MISSING = "Rank the missing facts by what their possible values would change "
            + "(rankedMissingInformation): one evaluation per value tried, at most 100, within 1.5 s";
    static final String COUNTERFACTUALS = "The smallest changes of changeable facts that would make a programme "
            + "eligible or bring a raised visit plan down (counterfactuals): single and pair changes, at most 400 "
            + "evaluations, within 3 s";

    @Operation(operationId = "assess", summary = "Assess a family",
            description = "Returns, per programme, the status and every reason behind it (rule, text, source, facts), "
                    + "the recommended programme and the missing information. Unknown facts are never taken as "
                    + "'no'. Texts are Danish unless Accept-Language asks for English.")
    @ApiResponse(responseCode = "201", description = "The explained recommendation, stored in the case history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AssessmentResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input; the problem document names every bad field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was sent before with another request; "
            + "nothing is stored", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.ASSESSMENT)
    ResponseEntity<byte[]> assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AssessmentRequest.class),
                    examples = @ExampleObject(name = "Pregnant mother at week 24", value = ApiExamples.PREGNANT_MOTHER)))
            @RequestBody JsonNode body,
            @Parameter(description = "Makes a retry safe: the same key with the same request again answers the "
                    + "assessment stored the first time (header Idempotent-Replayed: true); with another request, 422. "
                    + "Keys are per caller; 1-255 visible ASCII characters, e.g. a UUID.",
                    schema = @Schema(pattern = IdempotencyKeyHeader.PATTERN, maxLength = 255))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Parameter(description = RANK_MISSING) @RequestParam(defaultValue = "false") boolean rankMissing,
            @Parameter(description = COUNTERFACTUALS) @RequestParam(defaultValue = "false") boolean counterfactuals,
            @Parameter(hidden = true) Locale locale, @Parameter(hidden = true) Principal caller) {
        AssessmentRequest request = requests.read(body, AssessmentRequest.class);
        idempotencyKeys.check(idempotencyKey);
        String assessmentId = null;
        // The access-audit entry is committed with the assessment it records, in its transaction.
        EntriesWithRecord auditEntries = audit.withTheRecord(HttpStatus.CREATED.value());
        Function<StoredAssessment, Runnable> onRecord = stored -> auditEntries.write(stored.caseRef(), stored.id());
        try {
            UnaryOperator<AssessmentResponse> additions =
                    whatIf.additions(request, locale, true, new AnswerAdditions.Asked(rankMissing, counterfactuals));
            String answer;
            boolean replayed = false;
            if (idempotencyKey == null) {
                AnsweredAssessment answered = assessments.assess(request, locale, caller.getName(), additions, onRecord);
                assessmentId = answered.response().assessmentId();
                answer = answered.body();
            } else {
                Keyed keyed = idempotentAssessments.assess(request, locale, caller.getName(), idempotencyKey, additions,
                        onRecord);
                assessmentId = keyed.assessmentId();
                answer = keyed.body();
                replayed = keyed.replayed();
            }
            auditEntries.committed();
            ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/assessments/" + assessmentId))
                    .contentType(MediaType.APPLICATION_JSON);
            if (replayed) {
                created.header("Idempotent-Replayed", "true");
            }
            return created.body(utf8(answer));
        } finally {
            // The case's history was read, whether or not the answer could be stored: written when
            // answered, unless it was committed with the assessment.
            audit.note(request.caseRef(), assessmentId);
        }
    }

    /**
     * The stored answer as sent: encoded once. As a String, Spring's converter would encode it twice (once to
     * count its bytes for Content-Length, once to write them), and an answer with one en dash is a UTF-16
     * string, so each encoding is a pass over the whole ~11 kB.
     */
    private static byte[] utf8(String answer) {
        return answer.getBytes(StandardCharsets.UTF_8);
    }

    @Operation(operationId = "previewAssessment", summary = "Preview an assessment without storing it",
            description = "The answer the family would get now, but nothing is stored: for trying 'what if' before "
                    + "recording an assessment. For a caseworker, against the case's previous assessment; for another "
                    + "system (role SYSTEM), as if the case had none, since the preview would otherwise tell it what "
                    + "the case history holds.")
    @ApiResponse(responseCode = "200", description = "The explained recommendation, not stored")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.PREVIEW)
    AssessmentResponse preview(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AssessmentRequest.class)))
            @RequestBody JsonNode body,
            @Parameter(description = RANK_MISSING) @RequestParam(defaultValue = "false") boolean rankMissing,
            @Parameter(description = COUNTERFACTUALS) @RequestParam(defaultValue = "false") boolean counterfactuals,
            @Parameter(hidden = true) Locale locale, @Parameter(hidden = true) HttpServletRequest http) {
        AssessmentRequest request = requests.read(body, AssessmentRequest.class);
        boolean caseworker = http.isUserInRole(Role.CASEWORKER.name());
        if (caseworker) {
            audit.note(request.caseRef(), null);
        }
        return assessments.preview(request, locale, caseworker,
                whatIf.additions(request, locale, caseworker, new AnswerAdditions.Asked(rankMissing, counterfactuals)));
    }

    @Operation(operationId = "readAssessment", summary = "Read an assessment exactly as it was answered",
            description = "The stored response body, byte for byte, even after the rules have changed.")
    @ApiResponse(responseCode = "200", description = "The answer as given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AssessmentResponse.class)))
    @ApiResponse(responseCode = "404", description = "No assessment with that id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/{assessmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.READ_ASSESSMENT)
    ResponseEntity<byte[]> read(@PathVariable String assessmentId) {
        return history.answer(assessmentId)
                .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(utf8(body)))
                .orElseThrow(() -> new NotFoundException("assessment"));
    }
}
