package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.platform.validation.NotCprShaped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the caseworker decided for an assessment. The recommendation is not the decision: the
 * caseworker follows it or overrides it, always with a reason. Who decided is the signed-in person,
 * not a field; an override is approved afterwards by an approver, signed in as themselves.
 */
public record DecisionRequest(
        @NotNull DecisionOutcome outcome,
        @Schema(description = "The programme decided on, or NONE; for FOLLOWED, the recommended one", example = "INTENSIVE_INFANT")
        @NotNull DecidedProgramme decidedProgramme,
        @Schema(description = "Why; required for every decision", pattern = "\\S") @NotBlank @Size(min = 1, max = 4000) @NotCprShaped String reason) {

    /** The decision followed the recommendation, or went another way. */
    public enum DecisionOutcome {
        FOLLOWED, OVERRIDDEN
    }

    /** A programme, or no programme. */
    public enum DecidedProgramme {
        INTENSIVE_INFANT, FAMILY_PLACEMENT, NONE
    }

}
