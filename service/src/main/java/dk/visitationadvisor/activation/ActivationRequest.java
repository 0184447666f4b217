package dk.visitationadvisor.activation;

import dk.visitationadvisor.rulesets.CandidateRuleSet;
import dk.visitationadvisor.platform.validation.NotCprShaped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Make a candidate live, or roll back to an earlier version: one of the two, always with a reason. */
public record ActivationRequest(
        @Schema(description = "Why: what changed, and who decided it") @NotBlank @Size(max = 2000) @NotCprShaped
        String reason,
        @Schema(description = "A version on record to roll back to") @Pattern(regexp = "[0-9a-f]{16}",
                message = "{dk.visitationadvisor.ruleSet.version}") String version,
        @Schema(description = "The candidate rule set to make live") @Valid CandidateRuleSet candidate) {
}
