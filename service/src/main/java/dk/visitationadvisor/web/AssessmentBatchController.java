package dk.visitationadvisor.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService.AnsweredAssessment;
import dk.visitationadvisor.assessment.BatchAssessments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Many families in one request, for other systems: each family is read, validated, assessed and
 * stored as the single endpoint does it, and answered on its own; one bad family fails no other.
 */
@RestController
@Tag(name = "Assessments")
class AssessmentBatchController {

    /** A literal segment: {@code :batch} cannot be taken for an assessment id. */
    static final String PATH = "/api/v1/assessments:batch";

    private final BatchAssessments batches;
    private final RequestReader requests;
    private final MessageSource messages;
    private final int maxFamilies;

    AssessmentBatchController(BatchAssessments batches, RequestReader requests, MessageSource messages,
            @Value("${advisor.batch.max-assessments:10000}") int maxFamilies) {
        this.batches = batches;
        this.requests = requests;
        this.messages = messages;
        this.maxFamilies = maxFamilies;
    }

    @Operation(summary = "Assess many families at once",
            description = "Up to advisor.batch.max-assessments families (10,000 by default), each assessed and "
                    + "stored as by POST /api/v1/assessments, evaluated in parallel. The answer lists every family "
                    + "by its index: CREATED with its id, href and answer; INVALID with every offending field; or "
                    + "FAILED. Nothing is stored for a family that is not CREATED. Families of the same case are "
                    + "assessed in the order given, each against the one before it. With answers=false, a CREATED "
                    + "family has its id and href but not its answer (read it from href when needed).")
    @ApiResponse(responseCode = "200", description = "Every family's outcome, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "400", description = "The batch itself is malformed: not a list, empty or too long",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "The body is over advisor.batch.max-request-bytes",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    BatchResult assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = BatchRequest.class)))
            @RequestBody JsonNode body,
            @Parameter(description = "false: each stored family's id and href without its answer, for callers "
                    + "that do not read every answer at once (a tenth of the bytes)")
            @RequestParam(defaultValue = "true") boolean answers,
            @Parameter(hidden = true) Locale locale, @Parameter(hidden = true) Principal caller) {
        List<JsonNode> families = families(body);
        List<BatchItem> items = new ArrayList<>(families.size());
        List<AssessmentRequest> valid = new ArrayList<>(families.size());
        List<Integer> validPositions = new ArrayList<>(families.size());
        for (int index = 0; index < families.size(); index++) {
            try {
                valid.add(requests.read(families.get(index), AssessmentRequest.class));
                validPositions.add(index);
                items.add(null);
            } catch (InvalidRequestException e) {
                items.add(BatchItem.invalid(index, e.problems()));
            }
        }
        List<Optional<AnsweredAssessment>> assessed = batches.assessAll(valid, locale,
                caller == null ? "anonymous" : caller.getName());
        for (int i = 0; i < assessed.size(); i++) {
            int index = validPositions.get(i);
            items.set(index, assessed.get(i).map(answer -> BatchItem.created(index, answer, answers))
                    .orElseGet(() -> BatchItem.failed(index, message("batch.failed", locale))));
        }
        return BatchResult.of(items);
    }

    /** The families of a well-formed batch, or every reason it is not one. */
    private List<JsonNode> families(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("", "request.notAnObject");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("assessments")) {
                throw invalid(field.getKey(), "request.unknownField");
            }
        }
        JsonNode assessments = body.path("assessments");
        if (!assessments.isArray()) {
            throw invalid("assessments", "request.mustBeList");
        }
        if (assessments.isEmpty()) {
            throw invalid("assessments", "batch.empty");
        }
        if (assessments.size() > maxFamilies) {
            throw invalid("assessments", "batch.tooMany", maxFamilies);
        }
        List<JsonNode> families = new ArrayList<>(assessments.size());
        assessments.forEach(families::add);
        return families;
    }

    private InvalidRequestException invalid(String field, String code, Object... arguments) {
        return new InvalidRequestException(List.of(new FieldProblem(field,
                message(code, LocaleContextHolder.getLocale(), arguments))));
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    /** The request: the families, each as the single endpoint takes it. */
    @Schema(name = "AssessmentBatchRequest")
    record BatchRequest(
            @ArraySchema(schema = @Schema(implementation = AssessmentRequest.class), maxItems = 10_000)
            List<AssessmentRequest> assessments) {
    }

    /** Every family's outcome, by the index it was sent at. */
    @Schema(name = "AssessmentBatchResult")
    record BatchResult(int total, int created, int invalid, int failed, List<BatchItem> results) {

        static BatchResult of(List<BatchItem> items) {
            int created = 0;
            int invalid = 0;
            for (BatchItem item : items) {
                created += item.status() == BatchStatus.CREATED ? 1 : 0;
                invalid += item.status() == BatchStatus.INVALID ? 1 : 0;
            }
            return new BatchResult(items.size(), created, invalid, items.size() - created - invalid, items);
        }
    }

    enum BatchStatus {
        /** Assessed and stored: as a 201 from the single endpoint. */
        CREATED,
        /** Not assessed, nothing stored: as a 400, with every offending field. */
        INVALID,
        /** Could not be assessed or stored: as a 500; nothing stored. */
        FAILED
    }

    /** One family's outcome: what the single endpoint would have answered for it. */
    @Schema(name = "AssessmentBatchItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchItem(int index, BatchStatus status, String assessmentId, String href,
            @Schema(implementation = AssessmentResponse.class) @JsonRawValue
            String assessment, List<FieldProblem> errors, String detail) {

        /** With the stored body as it is, not parsed and written again; or without it ({@code withAnswer} false). */
        static BatchItem created(int index, AnsweredAssessment answer, boolean withAnswer) {
            String id = answer.response().assessmentId();
            return new BatchItem(index, BatchStatus.CREATED, id, "/api/v1/assessments/" + id,
                    withAnswer ? answer.body() : null, null, null);
        }

        static BatchItem invalid(int index, List<FieldProblem> errors) {
            return new BatchItem(index, BatchStatus.INVALID, null, null, null, errors, null);
        }

        static BatchItem failed(int index, String detail) {
            return new BatchItem(index, BatchStatus.FAILED, null, null, null, null, detail);
        }
    }
}
