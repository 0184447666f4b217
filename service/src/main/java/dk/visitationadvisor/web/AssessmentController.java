package dk.visitationadvisor.web;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Assessments", description = "Explained recommendations for visitation to intensive infant-family programmes")
class AssessmentController {

    private final AssessmentService assessments;
    private final RequestReader requests;

    AssessmentController(AssessmentService assessments, RequestReader requests) {
        this.assessments = assessments;
        this.requests = requests;
    }

    @Operation(summary = "Assess a family",
            description = "Returns, per programme, the status and every reason behind it (rule, text, source, facts), "
                    + "the recommended programme and the missing information. Unknown facts are never taken as "
                    + "'no'. Texts are Danish unless Accept-Language asks for English.")
    @ApiResponse(responseCode = "201", description = "The explained recommendation")
    @ApiResponse(responseCode = "400", description = "Invalid input; the problem document names every bad field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssessmentResponse> assess(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AssessmentRequest.class),
                    examples = @ExampleObject(name = "Pregnant mother at week 24", value = ApiExamples.PREGNANT_MOTHER)))
            @RequestBody JsonNode body,
            @Parameter(hidden = true) Locale locale) {
        AssessmentRequest request = requests.read(body, AssessmentRequest.class);
        AssessmentResponse response = assessments.assess(request, locale);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + response.assessmentId())).body(response);
    }
}
