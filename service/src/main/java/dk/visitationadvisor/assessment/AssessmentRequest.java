package dk.visitationadvisor.assessment;

import dk.visitationadvisor.facts.CognitiveFunction;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Housing;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.Network;
import dk.visitationadvisor.facts.ParentRole;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import dk.visitationadvisor.security.NotCprShaped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A family to assess, as a caseworker knows it. Any field but {@code caseRef} may be absent or null:
 * that means unknown, never "no". {@code pregnancy} is null when nobody is pregnant, {@code child}
 * before birth.
 */
@ValidAssessmentDates
public record AssessmentRequest(
        @Schema(description = "Pseudonymous case reference; never a CPR number", example = "K-2026-0042")
        @NotBlank @Size(max = 64) @Pattern(regexp = CASE_REF, message = "{dk.visitationadvisor.caseRef.pattern}")
        @NotCprShaped String caseRef,
        @Schema(description = "Date of the assessment; today when absent", example = "2026-11-22")
        @PastOrPresent LocalDate assessmentDate,
        @Valid Pregnancy pregnancy,
        @Valid Child child,
        @Min(0) @Max(20) Integer olderSiblings,
        @Size(max = 4) List<@NotNull @Valid Parent> parents,
        @Valid Concern concern,
        Boolean consent,
        Housing housing,
        Network network) {

    static final String CASE_REF = "^[A-Za-z0-9][A-Za-z0-9._/-]*$";

    /** A pregnancy in the family. */
    public record Pregnancy(
            @Schema(description = "Completed weeks of gestation", example = "24") @Min(1) @Max(45) Integer gestationalWeek) {
    }

    /** The youngest child. */
    public record Child(
            @Schema(example = "2026-10-01") @PastOrPresent LocalDate birthDate,
            @Schema(description = "Whether the child follows the growth recommendations") Boolean growthOnTrack) {
    }

    /** One parent. */
    public record Parent(
            ParentRole role,
            @Schema(description = "The yes/no risk factors that apply; empty when none, absent when unknown")
            @Size(max = 16) List<@NotNull RiskFactorType> riskFactors,
            SubstanceUse substanceUse,
            Boolean wantsSubstanceTreatment,
            @Schema(description = "Agreement on voluntary retention (tilbageholdelse) during pregnancy")
            Boolean retentionAgreement,
            MentalIllness mentalIllness,
            CognitiveFunction cognitiveFunction) {
    }

    /** The caseworker's concern for the child. */
    public record Concern(
            ConcernLevel level,
            Boolean childSafetyConcern,
            Boolean doubtAboutParentingCapacity,
            @Schema(description = "Information exists that makes placement of the child (alone) necessary")
            Boolean placementNecessary) {
    }
}
