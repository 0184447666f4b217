package dk.visitationadvisor.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dk.visitationadvisor.assessment.BatchAssessments.Outcome;
import dk.visitationadvisor.assessment.IdempotentAssessments.BatchKey;
import dk.visitationadvisor.platform.http.FieldProblem;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.http.ProblemDetailsAdvice;
import dk.visitationadvisor.platform.http.RequestReader;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.AccessAudit.CaseRead;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many families in one request, for other systems: each family is read, validated, assessed and
 * stored as the single endpoint does it, and answered on its own; one bad family fails no other.
 *
 * <p>Streamed both ways, so that memory does not grow with the batch: the body is checked as a whole
 * (well-formed, at most {@code advisor.batch.max-assessments} families) without being turned into
 * objects, then read a part of {@code advisor.batch.part-size} families at a time; each part is
 * assessed, stored and written to the answer before the next is read. At most
 * {@code advisor.batch.max-concurrent} batches run at once, {@code advisor.batch.max-concurrent-per-user}
 * of them for one caller; more are refused with 429. When the service is told to stop, the part under
 * way is finished and every family after it is answered FAILED (503: send it again), so that the batch
 * ends within the shutdown's grace period. With an {@code Idempotency-Key}, a retried batch answers
 * the families it stored before as stored then ({@link IdempotentAssessments}).
 */
@RestController
@Tag(name = "Assessments")
class AssessmentBatchController {

    /** A literal segment: {@code :batch} cannot be taken for an assessment id. */
    static final String PATH = "/api/v1/assessments:batch";

    private final BatchAssessments batches;
    private final IdempotentAssessments idempotentBatches;
    private final IdempotencyKeyHeader idempotencyKeys;
    private final RequestReader requests;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectWriter items;
    /** One family at a time from the batch's parser, which goes on after it. */
    private final ObjectReader family;
    private final ConcurrentBatches running;
    private final AccessAudit audit;
    private final int maxFamilies;
    private final int partSize;
    private volatile boolean stopping;

    AssessmentBatchController(BatchAssessments batches, IdempotentAssessments idempotentBatches,
            IdempotencyKeyHeader idempotencyKeys, RequestReader requests, MessageSource messages, JsonMapper json,
            ConcurrentBatches running, AccessAudit audit,
            @Value("${advisor.batch.max-assessments:10000}") int maxFamilies,
            @Value("${advisor.batch.part-size:500}") int partSize) {
        this.batches = batches;
        this.idempotentBatches = idempotentBatches;
        this.idempotencyKeys = idempotencyKeys;
        this.requests = requests;
        this.messages = messages;
        this.json = json;
        this.items = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.family = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.running = running;
        this.audit = audit;
        this.maxFamilies = maxFamilies;
        this.partSize = Math.max(1, partSize);
    }

    /** SIGTERM: no new part is started; the families not yet assessed are answered FAILED. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    @Operation(operationId = "assessBatch", summary = "Assess many families at once",
            description = "Up to advisor.batch.max-assessments families (10,000 by default), each assessed and "
                    + "stored as by POST /api/v1/assessments. The answer lists every family by its index, in the "
                    + "order sent, as each part of the batch is stored: CREATED (httpStatus 201) with its id, href "
                    + "and answer; INVALID (400) with every offending field; or FAILED (500, or 503 when it may "
                    + "succeed if sent again). Nothing is stored for a family that is not CREATED. Families of the "
                    + "same case are assessed in the order given, each against the one before it. With "
                    + "answers=false, a CREATED family has its id and href but not its answer. The counts come "
                    + "after the results. With an Idempotency-Key, sending the same batch again stores nothing "
                    + "twice: a family stored the first time is answered CREATED as stored then, with "
                    + "replayed: true; the others are assessed now. The same key with another batch: 422.")
    @ApiResponse(responseCode = "200", description = "Every family's outcome, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "400", description = "The batch itself is malformed: not a list, empty or too long",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "The body is over advisor.batch.max-request-bytes",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was sent before with another batch; "
            + "nothing is stored", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "429", description = "Too many batches running, for this caller or in all",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchRequest.class)))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.BATCH_ASSESSMENT)
    void assess(
            @Parameter(description = "false: each stored family's id and href without its answer, for callers "
                    + "that do not read every answer at once (a tenth of the bytes)")
            @RequestParam(defaultValue = "true") boolean answers,
            @Parameter(description = "Makes a retry safe: the same key with the same batch again answers each family "
                    + "stored the first time as stored then (replayed: true) and stores nothing twice; with another "
                    + "batch, 422. Keys are per caller, apart from those of single assessments; 1-255 visible ASCII "
                    + "characters, e.g. a UUID.", schema = @Schema(pattern = IdempotencyKeyHeader.PATTERN, maxLength = 255))
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Parameter(hidden = true) Locale locale, @Parameter(hidden = true) Principal caller,
            @Parameter(hidden = true) HttpServletRequest request, @Parameter(hidden = true) HttpServletResponse response)
            throws IOException {
        try (ConcurrentBatches.Slot slot = running.take(caller.getName())) {
            // Bytes, at most the batch's body limit: a tenth of the objects Jackson would make of them.
            byte[] body = request.getInputStream().readAllBytes();
            int total = count(body, request);
            idempotencyKeys.check(idempotencyKey);
            BatchKey key = idempotencyKey == null ? null
                    : idempotentBatches.batchKey(caller.getName(), idempotencyKey, body);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            try (JsonParser families = json.createParser(body);
                    JsonGenerator out = json.createGenerator(response.getOutputStream())) {
                toFirstFamily(families);
                out.writeStartObject();
                out.writeNumberProperty("total", total);
                out.writeName("results");
                out.writeStartArray();
                Counts counts = new Counts();
                List<JsonNode> part = new ArrayList<>(Math.min(partSize, total));
                int index = 0;
                while (families.nextToken() != JsonToken.END_ARRAY) {
                    part.add(family.readTree(families));
                    if (part.size() == partSize) {
                        answerPart(part, index, answers, locale, caller.getName(), key, out, counts);
                        index += part.size();
                        part.clear();
                    }
                }
                answerPart(part, index, answers, locale, caller.getName(), key, out, counts);
                // Done: the place is given back before the answer's last bytes, so that a caller who sends its
                // next batch as soon as this one is answered is not refused for it.
                slot.close();
                out.writeEndArray();
                out.writeNumberProperty("created", counts.created);
                out.writeNumberProperty("invalid", counts.invalid);
                out.writeNumberProperty("failed", counts.failed);
                out.writeEndObject();
            }
        }
    }

    /**
     * One part: read, assessed and stored, then written out; its families' cases are noted for the audit.
     *
     * @param key the batch's idempotency key, or null
     */
    private void answerPart(List<JsonNode> part, int firstIndex, boolean answers, Locale locale, String requestedBy,
            BatchKey key, JsonGenerator out, Counts counts) {
        BatchItem[] answered = new BatchItem[part.size()];
        List<AssessmentRequest> valid = new ArrayList<>(part.size());
        List<Integer> positions = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            try {
                valid.add(requests.read(part.get(i), AssessmentRequest.class));
                positions.add(i);
            } catch (InvalidRequestException e) {
                answered[i] = BatchItem.invalid(firstIndex + i, e.problems());
            }
        }
        List<Outcome> outcomes = stopping ? null : key == null ? batches.assessAll(valid, locale, requestedBy)
                : idempotentBatches.assessAll(key, valid, positions.stream().map(i -> firstIndex + i).toList(), locale);
        List<CaseRead> reads = new ArrayList<>(valid.size());
        for (int v = 0; v < valid.size(); v++) {
            int i = positions.get(v);
            Outcome outcome = outcomes == null ? new Outcome.Failed(true) : outcomes.get(v);
            if (outcome instanceof Outcome.Stored stored) {
                answered[i] = BatchItem.created(firstIndex + i, stored.assessmentId(), answers ? stored.body() : null,
                        stored.replayed());
                reads.add(new CaseRead(valid.get(v).caseRef(), stored.assessmentId()));
            } else {
                boolean temporary = ((Outcome.Failed) outcome).temporary();
                answered[i] = BatchItem.failed(firstIndex + i, temporary,
                        message(stopping ? "batch.stopping" : temporary ? "batch.unavailable" : "batch.failed", locale));
                if (outcomes != null) {
                    // Its case history was read, though nothing was stored for it.
                    reads.add(new CaseRead(valid.get(v).caseRef(), null));
                }
            }
        }
        audit.note(reads);
        for (BatchItem item : answered) {
            counts.add(item.status());
            items.writeValue(out, item);
        }
        out.flush();
    }

    /**
     * The number of families in a well-formed batch, read without making objects of them; or every
     * reason it is not one: a body that is not JSON is refused as the single endpoint refuses it.
     */
    private int count(byte[] body, HttpServletRequest request) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("", "request.notAnObject");
            }
            int count = -1;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                if (!parser.currentName().equals("assessments")) {
                    throw invalid(parser.currentName(), "request.unknownField");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw invalid("assessments", "request.mustBeList");
                }
                for (count = 0; parser.nextToken() != JsonToken.END_ARRAY; count++) {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw invalid("", "request.notAnObject");
            }
            if (count < 0) {
                throw invalid("assessments", "request.mustBeList");
            }
            if (count == 0) {
                throw invalid("assessments", "batch.empty");
            }
            if (count > maxFamilies) {
                throw invalid("assessments", "batch.tooMany", maxFamilies);
            }
            return count;
        } catch (JacksonException malformed) {
            throw new HttpMessageNotReadableException("The batch is not well-formed JSON", malformed,
                    new ServletServerHttpRequest(request));
        }
    }

    /** Moves a parser of a checked batch to just before its first family. */
    private static void toFirstFamily(JsonParser parser) {
        parser.nextToken();
        parser.nextToken();
        parser.nextToken();
    }

    private InvalidRequestException invalid(String field, String code, Object... arguments) {
        return new InvalidRequestException(List.of(new FieldProblem(field,
                message(code, LocaleContextHolder.getLocale(), arguments))));
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    private static final class Counts {
        private int created;
        private int invalid;
        private int failed;

        void add(BatchStatus status) {
            switch (status) {
                case CREATED -> created++;
                case INVALID -> invalid++;
                case FAILED -> failed++;
            }
        }
    }

    /** The request: the families, each as the single endpoint takes it. */
    @Schema(name = "AssessmentBatchRequest")
    record BatchRequest(
            @ArraySchema(schema = @Schema(implementation = AssessmentRequest.class), minItems = 1, maxItems = 10_000)
            List<AssessmentRequest> assessments) {
    }

    /** Every family's outcome, by the index it was sent at; the counts are written after the results. */
    @Schema(name = "AssessmentBatchResult")
    record BatchResult(int total, List<BatchItem> results, int created, int invalid, int failed) {
    }

    enum BatchStatus {
        /** Assessed and stored: as a 201 from the single endpoint. */
        CREATED,
        /** Not assessed, nothing stored: as a 400, with every offending field. */
        INVALID,
        /** Could not be assessed or stored: as a 500, or a 503 when sending it again may succeed; nothing stored. */
        FAILED
    }

    /** One family's outcome: what the single endpoint would have answered for it, with that status code. */
    @Schema(name = "AssessmentBatchItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchItem(int index, BatchStatus status,
            @Schema(description = "The HTTP status the single endpoint would have answered: 201, 400, 500 or 503")
            int httpStatus, String assessmentId, String href,
            @Schema(implementation = AssessmentResponse.class) @JsonRawValue
            String assessment, List<FieldProblem> errors, String detail,
            @Schema(description = "true: stored by an earlier batch with the same Idempotency-Key, and answered as "
                    + "stored then; absent otherwise")
            Boolean replayed) {

        /**
         * With the stored body as it is, not parsed and written again; or without it ({@code body} null).
         *
         * @param replayed stored by an earlier batch with the same idempotency key
         */
        static BatchItem created(int index, String id, String body, boolean replayed) {
            return new BatchItem(index, BatchStatus.CREATED, HttpStatus.CREATED.value(), id, "/api/v1/assessments/" + id,
                    body, null, null, replayed ? Boolean.TRUE : null);
        }

        static BatchItem invalid(int index, List<FieldProblem> errors) {
            return new BatchItem(index, BatchStatus.INVALID, HttpStatus.BAD_REQUEST.value(), null, null, null,
                    errors.size() > ProblemDetailsAdvice.LISTED_ERRORS
                            ? errors.subList(0, ProblemDetailsAdvice.LISTED_ERRORS) : errors, null, null);
        }

        static BatchItem failed(int index, boolean temporary, String detail) {
            return new BatchItem(index, BatchStatus.FAILED, temporary ? HttpStatus.SERVICE_UNAVAILABLE.value()
                    : HttpStatus.INTERNAL_SERVER_ERROR.value(), null, null, null, null, detail, null);
        }
    }
}
