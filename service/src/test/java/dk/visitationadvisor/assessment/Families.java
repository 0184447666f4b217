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
import java.time.LocalDate;
import java.util.List;

/** Families the tests and benchmarks share. */
public final class Families {

    /** The contract's example: pregnant at week 24, two risk factors for each programme, eligible for both. */
    public static final AssessmentRequest PREGNANT_MOTHER = new AssessmentRequest("K-2026-0042",
            LocalDate.of(2026, 11, 22), new AssessmentRequest.PregnancyInput(24), null, 1,
            List.of(new AssessmentRequest.ParentInput(ParentRole.MOTHER,
                    List.of(RiskFactorType.LOW_MENTALIZATION, RiskFactorType.CHILDHOOD_TRAUMA), SubstanceUse.NONE,
                    null, false, MentalIllness.MILD_MODERATE, CognitiveFunction.NORMAL, null)),
            new AssessmentRequest.ConcernInput(ConcernLevel.SIGNIFICANT, true, true, false), true, Housing.STABLE,
            Network.LIMITED, null, null);

    /**
     * The most a family can give the rules: pregnant again with a 4-month-old in the intensive infant
     * programme, two parents with every risk factor and the worst levels, acute concern, every
     * measurement (the ORS falling against the previous assessment). With a long case history behind
     * it, it is the benchmarks' worst case.
     */
    public static final AssessmentRequest WORST_CASE = new AssessmentRequest("K-2026-WORST",
            LocalDate.of(2026, 11, 22), new AssessmentRequest.PregnancyInput(12),
            new AssessmentRequest.ChildInput(LocalDate.of(2026, 7, 20), false), 3,
            List.of(worstParent(ParentRole.MOTHER), worstParent(ParentRole.FATHER)),
            new AssessmentRequest.ConcernInput(ConcernLevel.ACUTE, true, true, true), false, Housing.UNSTABLE,
            Network.NONE,
            new AssessmentRequest.CourseInput(Programme.INTENSIVE_INFANT, LocalDate.of(2026, 5, 1),
                    Phase.INTENSIVE_POSTNATAL, LocalDate.of(2026, 7, 25), true, null, null, null),
            new AssessmentRequest.MeasurementsInput(22, 2, ParentRole.MOTHER, 14, 18, Rater.STAFF, 20, 4, 120, 6, 9));

    private static AssessmentRequest.ParentInput worstParent(ParentRole role) {
        return new AssessmentRequest.ParentInput(role, List.of(RiskFactorType.values()), SubstanceUse.ACTIVE_NO_TREATMENT,
                false, false, MentalIllness.SEVERE, CognitiveFunction.REDUCED, null);
    }

    private Families() {
    }
}
