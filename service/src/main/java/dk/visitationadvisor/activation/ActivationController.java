package dk.visitationadvisor.activation;

import static dk.visitationadvisor.rulesets.RuleSetController.BUSY;
import static dk.visitationadvisor.rulesets.RuleSetController.STOPPED;

import dk.visitationadvisor.platform.http.FieldProblem;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.http.RequestReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Making a rule set live over HTTP, and rolling back: the rule-set API's activations, next to its
 * checks of a candidate ({@code RuleSetController}). See docs/rule-authoring.md.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rule sets", description = "Validate, test, preview and activate rule sets")
class ActivationController {

    private final RequestReader requests;
    private final Activations activations;
    private final MessageSource messages;

    ActivationController(RequestReader requests, Activations activations, MessageSource messages) {
        this.requests = requests;
        this.activations = activations;
        this.messages = messages;
    }

    @Operation(operationId = "activateRuleSet", summary = "Make a rule set live, or roll back to an earlier one",
            description = "With `candidate`: checks it (it must build and, when the service is so configured, pass "
                    + "every scenario) and makes it live; with `version`: makes that earlier version live again. "
                    + "Requests in flight finish on the rule set they started with. Refused with 422 and every error "
                    + "when the candidate does not build or scenarios fail; the live rule set then stays.")
    @ApiResponse(responseCode = "201", description = "Live; the files of the version are at Location",
            content = @Content(schema = @Schema(implementation = Activation.class)))
    @ApiResponse(responseCode = "422", description = "Refused: the candidate does not build or fails a scenario"
            + STOPPED)
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/activations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Activation> activate(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = ActivationRequest.class))) @RequestBody JsonNode body, Principal principal) {
        ActivationRequest request = requests.read(body, ActivationRequest.class);
        if ((request.version() == null) == (request.candidate() == null)) {
            throw new InvalidRequestException(List.of(new FieldProblem("version", message("ruleSet.versionOrCandidate"))));
        }
        String by = principal.getName();
        Activation activation = request.version() != null
                ? activations.rollBack(request.version(), by, request.reason()).orElseThrow(
                        () -> new InvalidRequestException(List.of(new FieldProblem("version",
                                message("ruleSet.unknownVersion")))))
                : activations.activate(request.candidate(), by, request.reason());
        return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + activation.version() + "/files"))
                .body(activation);
    }

    @Operation(operationId = "listActivations", summary = "The activation log, newest first", description = "Who made which version live, when, "
            + "which version it replaced, and why. The newest entry is the live version.")
    @GetMapping("/activations")
    List<Activation> activations(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return activations.history(page, size);
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}
