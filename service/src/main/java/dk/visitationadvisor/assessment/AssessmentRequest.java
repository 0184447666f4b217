package dk.visitationadvisor.assessment;

import dk.visitationadvisor.facts.CognitiveFunction;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Housing;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.Network;
import dk.visitationadvisor.facts.ParentRole;
import dk.visitationadvisor.facts.Phase;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Rater;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import dk.visitationadvisor.platform.validation.NotCprShaped;
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
 *
 * <p>The parts are named {@code ...Input} so that they do not clash with the facts the rules match on
 * ({@code facts.Parent} and its kin); the API document keeps their contract names ({@code Parent}, ...).
 */
@ConsistentAssessment
public record AssessmentRequest(
        @Schema(description = "Pseudonymous case reference; never a CPR number", example = "K-2026-0042")
        @NotBlank @Size(max = 64) @Pattern(regexp = CASE_REF, message = "{dk.visitationadvisor.caseRef.pattern}")
        @NotCprShaped String caseRef,
        @Schema(description = "Date of the assessment; today when absent", example = "2026-11-22")
        @PastOrPresent @PlausibleDate LocalDate assessmentDate,
        @Valid PregnancyInput pregnancy,
        @Valid ChildInput child,
        @Min(0) @Max(20) Integer olderSiblings,
        @Size(max = 4) List<@NotNull @Valid ParentInput> parents,
        @Valid ConcernInput concern,
        Boolean consent,
        Housing housing,
        Network network,
        @Schema(description = "The programme the family is already in; null at visitation") @Valid CourseInput course,
        @Schema(description = "The latest instrument scores; a score left out was not measured") @Valid MeasurementsInput measurements) {

    static final String CASE_REF = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    /** A pregnancy in the family. */
    @Schema(name = "Pregnancy")
    public record PregnancyInput(
            @Schema(description = "Completed weeks of gestation", example = "24") @Min(1) @Max(45) Integer gestationalWeek) {
    }

    /** The youngest child. */
    @Schema(name = "Child")
    public record ChildInput(
            @Schema(example = "2026-10-01") @PastOrPresent @PlausibleDate LocalDate birthDate,
            @Schema(description = "Whether the child follows the growth recommendations") Boolean growthOnTrack) {
    }

    /** One parent. */
    @Schema(name = "Parent")
    public record ParentInput(
            ParentRole role,
            @Schema(description = "The yes/no risk factors that apply; empty when none, absent when unknown")
            @Size(max = 16) List<@NotNull RiskFactorType> riskFactors,
            SubstanceUse substanceUse,
            Boolean wantsSubstanceTreatment,
            @Schema(description = "Agreement on voluntary retention (tilbageholdelse) during pregnancy")
            Boolean retentionAgreement,
            MentalIllness mentalIllness,
            CognitiveFunction cognitiveFunction,
            @Schema(description = "Whether the parent takes part in the programme; absent or null means takes part. "
                    + "A parent who does not take part does not exclude the other parent and the child")
            Boolean participates) {
    }

    /** The programme the family is in, and the phase the caseworker judges it to be in. */
    @Schema(name = "Course")
    public record CourseInput(
            @Schema(description = "Required when a course is given") @NotNull Programme programme,
            @Schema(description = "The day the course began: its referral. Entry criteria on age and stage are judged "
                    + "on this day; unknown leaves them unjudged", example = "2026-09-01") @PastOrPresent @PlausibleDate LocalDate startDate,
            Phase phase,
            @Schema(description = "The date the current phase began, e.g. the first day of the residential stay")
            @PastOrPresent @PlausibleDate LocalDate phaseStartDate,
            @Schema(description = "Intensive infant programme: the status letter around gestational week 32 is sent")
            Boolean statusLetterSent,
            @Schema(description = "Family placement: a discharge plan (udslusningsplan) is agreed") Boolean dischargePlan,
            @Schema(description = "Family placement: concrete agreements with the family's network are made")
            Boolean networkAgreements,
            @Schema(description = "A safety plan (sikkerhedsplan) is agreed: in a family placement's discharge, and "
                    + "wherever violence in close relations is reported during a course") Boolean safetyPlan) {
    }

    /** Instrument scores; leave out what was not measured. */
    @Schema(name = "Measurements")
    public record MeasurementsInput(
            @Schema(description = "EPDS total score, 0-30") @Min(0) @Max(30) Integer epds,
            @Schema(description = "EPDS item 10 (thoughts of self-harm), 0-3") @Min(0) @Max(3) Integer epdsSelfHarm,
            @Schema(description = "Who answered the EPDS") ParentRole epdsRespondent,
            @Schema(description = "ADBB total score, 0-32") @Min(0) @Max(32) Integer adbb,
            @Schema(description = "ORS score for the child, 0-40") @Min(0) @Max(40) Integer ors,
            @Schema(description = "Who scored the ORS") Rater orsRater,
            @Schema(description = "SRS score, 0-40") @Min(0) @Max(40) Integer srs,
            @Schema(description = "Care Index sensitivity, 0-14") @Min(0) @Max(14) Integer careIndexSensitivity,
            @Schema(description = "ASQ:SE-2 total score") @Min(0) @Max(500) Integer asqse2,
            @Schema(description = "Which ASQ:SE-2 questionnaire was used, by its age interval in months", example = "6")
            @Min(1) @Max(72) Integer asqse2IntervalMonths,
            @Schema(description = "Agreed contacts the parents missed since the last assessment")
            @Min(0) @Max(1000) Integer missedContacts) {
    }

    /** The caseworker's concern for the child. */
    @Schema(name = "Concern")
    public record ConcernInput(
            ConcernLevel level,
            Boolean childSafetyConcern,
            Boolean doubtAboutParentingCapacity,
            @Schema(description = "Information exists that makes placement of the child (alone) necessary")
            Boolean placementNecessary) {
    }
}
