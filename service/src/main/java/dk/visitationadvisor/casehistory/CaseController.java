package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.casehistory.Erasures.Erasure;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The case history: every assessment of a case over time")
class CaseController {

    private final CaseHistory history;
    private final Erasures erasures;

    CaseController(CaseHistory history, Erasures erasures) {
        this.history = history;
        this.erasures = erasures;
    }

    @Operation(operationId = "eraseCase", summary = "Erase a case and all its assessments and decisions",
            description = "On request, e.g. under GDPR. The erasure is logged without the case reference.")
    @DeleteMapping(path = "/{caseRef}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.ERASURE)
    Erasure erase(@PathVariable String caseRef) {
        return erasures.erase(caseRef, Erasures.Cause.REQUEST);
    }

    @Operation(operationId = "caseTimeline", summary = "The case timeline, newest first",
            description = "Each assessment with its concern level, statuses, recommendation, phase and escalations; "
                    + "the whole answer is at /api/v1/assessments/{assessmentId}.")
    @GetMapping(path = "/{caseRef}/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.TIMELINE)
    Timeline timeline(@PathVariable String caseRef,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CaseHistory.MAX_PAGE_SIZE) int size) {
        return history.timeline(caseRef, page, size);
    }
}
