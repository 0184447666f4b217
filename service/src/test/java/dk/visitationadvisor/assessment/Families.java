package dk.visitationadvisor.assessment;

import dk.visitationadvisor.facts.CognitiveFunction;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Housing;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.Network;
import dk.visitationadvisor.facts.ParentRole;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import java.time.LocalDate;
import java.util.List;

/** Families the tests and benchmarks share. */
public final class Families {

    /** The contract's example: pregnant at week 24, two risk factors for each programme, eligible for both. */
    public static final AssessmentRequest PREGNANT_MOTHER = new AssessmentRequest("K-2026-0042",
            LocalDate.of(2026, 11, 22), new AssessmentRequest.Pregnancy(24), null, 1,
            List.of(new AssessmentRequest.Parent(ParentRole.MOTHER,
                    List.of(RiskFactorType.LOW_MENTALIZATION, RiskFactorType.CHILDHOOD_TRAUMA), SubstanceUse.NONE,
                    null, false, MentalIllness.MILD_MODERATE, CognitiveFunction.NORMAL)),
            new AssessmentRequest.Concern(ConcernLevel.SIGNIFICANT, true, true, false), true, Housing.STABLE,
            Network.LIMITED, null, null);

    private Families() {
    }
}
