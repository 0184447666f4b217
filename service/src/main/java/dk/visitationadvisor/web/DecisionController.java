package dk.visitationadvisor.web;

import dk.visitationadvisor.casehistory.Decision;
import dk.visitationadvisor.casehistory.DecisionRequest;
import dk.visitationadvisor.casehistory.Decisions;
import dk.visitationadvisor.casehistory.Decisions.OverrideCount;
import dk.visitationadvisor.casehistory.Decisions.Recorded;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Decisions", description = "The caseworker's decision on an assessment, and the rules overrides went against")
class DecisionController {

    private final Decisions decisions;
    private final RequestReader requests;
    private final MessageSource messages;

    DecisionController(Decisions decisions, RequestReader requests, MessageSource messages) {
        this.decisions = decisions;
        this.requests = requests;
        this.messages = messages;
    }

    @Operation(summary = "Record the caseworker's decision on an assessment",
            description = "Followed the recommendation, or overrode it: a reason always, and for an override who "
                    + "approved it. Recorded once; the codes an override went against are counted.")
    @PutMapping(path = "/api/v1/assessments/{assessmentId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> decide(@PathVariable String assessmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = DecisionRequest.class)))
            @RequestBody JsonNode body) {
        DecisionRequest request = requests.read(body, DecisionRequest.class);
        Recorded recorded = decisions.record(assessmentId, request);
        if (recorded instanceof Recorded.Done done) {
            return ResponseEntity.status(HttpStatus.CREATED).body(done.decision());
        }
        if (recorded instanceof Recorded.AlreadyDecided) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A decision on this assessment is on record already; it is not changed."));
        }
        if (recorded instanceof Recorded.NotWhatWasRecommended other) {
            throw new InvalidRequestException(List.of(new FieldProblem("decidedProgramme", messages.getMessage(
                    "decision.notRecommended", new Object[] {other.recommended()}, LocaleContextHolder.getLocale()))));
        }
        throw new NotFoundException("assessment");
    }

    @Operation(summary = "The decision on an assessment")
    @GetMapping(path = "/api/v1/assessments/{assessmentId}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    Decision decision(@PathVariable String assessmentId) {
        return decisions.find(assessmentId).orElseThrow(() -> new NotFoundException("decision"));
    }

    @Operation(summary = "The rule codes caseworkers have overridden, most often first",
            description = "For domain experts: which rules caseworkers disagree with.")
    @GetMapping(path = "/api/v1/rules/overrides", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OverrideCount> overrides() {
        return decisions.overrideCounts();
    }
}
