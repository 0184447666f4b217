package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.casehistory.Decisions.OverrideCount;
import dk.visitationadvisor.casehistory.Decisions.Approval;
import dk.visitationadvisor.casehistory.Decisions.Recorded;
import dk.visitationadvisor.platform.http.FieldProblem;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.http.NotFoundException;
import dk.visitationadvisor.platform.http.ProblemDetailsAdvice;
import dk.visitationadvisor.platform.http.RequestReader;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    @Operation(operationId = "recordDecision", summary = "Record the caseworker's decision on an assessment",
            description = "Followed the recommendation, or overrode it, always with a reason. Recorded once, as "
                    + "decided by the signed-in caseworker; an override then waits for an approver's approval "
                    + "(PUT …/decision/approval). The codes an override went against are counted. With If-Match "
                    + "(the ETag of GET …/decision), the decision on record is amended instead, its earlier "
                    + "version kept in its history.")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @ApiResponse(responseCode = "200", description = "The same decision by the same caseworker was on record already "
            + "(a retry): it is answered, unchanged", content = @Content(schema = @Schema(implementation = Decision.class)))
    @ApiResponse(responseCode = "409", description = "Another decision on this assessment is on record already "
            + "(amend it with If-Match)")
    @ApiResponse(responseCode = "412", description = "If-Match: the decision changed since it was read, or there is none")
    @PutMapping(path = "/api/v1/assessments/{assessmentId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.DECISION)
    ResponseEntity<?> decide(@PathVariable String assessmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = DecisionRequest.class)))
            @RequestBody JsonNode body,
            @Parameter(description = "Amends the decision on record, only if it is still the version read (its ETag "
                    + "from GET …/decision); 412 when it changed meanwhile. Without it, a decision is recorded once.")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) Principal caller) {
        DecisionRequest request = requests.read(body, DecisionRequest.class);
        if (ifMatch != null) {
            return amend(assessmentId, request, caller.getName(), ifMatch);
        }
        Recorded recorded = decisions.record(assessmentId, request, caller.getName());
        if (recorded instanceof Recorded.Done done) {
            return ResponseEntity.status(HttpStatus.CREATED).eTag(done.decision().entityTag()).body(done.decision());
        }
        if (recorded instanceof Recorded.AlreadyDecided already) {
            // A retry of the same decision by the same caseworker (its answer was lost) is answered with
            // it; another decision would overwrite it unseen, so it is a conflict.
            return isRetry(already.decision(), request, caller.getName())
                    ? ResponseEntity.ok().eTag(already.decision().entityTag()).body(already.decision())
                    : ProblemDetailsAdvice.problem(HttpStatus.CONFLICT,
                            "A decision on this assessment is on record already; it is not changed.");
        }
        if (recorded instanceof Recorded.NotWhatWasRecommended other) {
            throw new InvalidRequestException(List.of(new FieldProblem("decidedProgramme", messages.getMessage(
                    "decision.notRecommended", new Object[] {other.recommended()}, LocaleContextHolder.getLocale()))));
        }
        throw new NotFoundException("assessment");
    }

    /** An amendment of the version the caller read, with the decision's history kept. */
    private ResponseEntity<?> amend(String assessmentId, DecisionRequest request, String caller, String ifMatch) {
        Recorded amended = decisions.amend(assessmentId, request, caller, ifMatch.strip());
        if (amended instanceof Recorded.Done done) {
            return ResponseEntity.ok().eTag(done.decision().entityTag()).body(done.decision());
        }
        if (amended instanceof Recorded.ChangedMeanwhile || amended instanceof Recorded.NothingToAmend) {
            return ProblemDetailsAdvice.problem(HttpStatus.PRECONDITION_FAILED, messages.getMessage(
                    "decision.changedMeanwhile", null, LocaleContextHolder.getLocale()));
        }
        if (amended instanceof Recorded.NotWhatWasRecommended other) {
            throw new InvalidRequestException(List.of(new FieldProblem("decidedProgramme", messages.getMessage(
                    "decision.notRecommended", new Object[] {other.recommended()}, LocaleContextHolder.getLocale()))));
        }
        throw new NotFoundException("assessment");
    }

    private static boolean isRetry(Decision recorded, DecisionRequest request, String caller) {
        return recorded.outcome().equals(request.outcome().name())
                && recorded.decidedProgramme().equals(request.decidedProgramme().name())
                && recorded.reason().equals(request.reason()) && recorded.decidedBy().equals(caller);
    }

    @Operation(operationId = "readDecision", summary = "The decision on an assessment")
    @GetMapping(path = "/api/v1/assessments/{assessmentId}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.READ_DECISION)
    ResponseEntity<Decision> decision(@PathVariable String assessmentId) {
        Decision decision = decisions.find(assessmentId).orElseThrow(() -> new NotFoundException("decision"));
        return ResponseEntity.ok().eTag(decision.entityTag()).body(decision);
    }

    @Operation(operationId = "approveOverride", summary = "Approve an override of the recommendation",
            description = "For approvers (role APPROVER), signed in: records them as approvedBy, with the time. "
                    + "Only an override is approved, once, and never by the caseworker who decided it.")
    @ApiResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @ApiResponse(responseCode = "409", description = "Not an override, the approver's own decision, or approved already")
    @PutMapping(path = "/api/v1/assessments/{assessmentId}/decision/approval", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.APPROVAL)
    ResponseEntity<?> approve(@PathVariable String assessmentId, @Parameter(hidden = true) Principal caller) {
        Approval approval = decisions.approve(assessmentId, caller.getName());
        if (approval instanceof Approval.Approved approved) {
            return ResponseEntity.ok().eTag(approved.decision().entityTag()).body(approved.decision());
        }
        if (approval instanceof Approval.NoDecision) {
            throw new NotFoundException("decision");
        }
        String problem = approval instanceof Approval.NotAnOverride ? "decision.notOverridden"
                : approval instanceof Approval.OwnDecision ? "decision.ownOverride" : "decision.alreadyApproved";
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT,
                messages.getMessage(problem, null, LocaleContextHolder.getLocale()));
    }

    @Operation(operationId = "listOverriddenRules", summary = "The rule codes caseworkers have overridden, most often first",
            description = "For domain experts: which rules caseworkers disagree with.")
    @GetMapping(path = "/api/v1/rules/overrides", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OverrideCount> overrides() {
        return decisions.overrideCounts();
    }
}
