package dk.visitationadvisor.facts;

import java.util.List;

/**
 * One parent, numbered from 0 in the order of the request. A null field is unknown; an empty
 * {@code riskFactors} list means none of the yes/no risk factors applies.
 *
 * @param participates whether the parent takes part in the programme; null (unknown) counts as taking
 *        part, so that only a parent known to stay out is left out of the parent-level exclusions
 */
public record Parent(int number, ParentRole role, List<RiskFactorType> riskFactors, SubstanceUse substanceUse,
        Boolean wantsSubstanceTreatment, Boolean retentionAgreement, MentalIllness mentalIllness,
        CognitiveFunction cognitiveFunction, Boolean participates) implements InputFact {

    @Override
    public String path() {
        return "parents[" + number + "]";
    }

    /** The risk factor as ticked in this parent's list, e.g. {@code parents[0].riskFactors[1] = CHILDHOOD_TRAUMA}. */
    public FactRef listed(RiskFactorType factor) {
        return new FactRef(path() + ".riskFactors[" + riskFactors.indexOf(factor) + "]", factor);
    }

    public boolean hasRiskFactor(RiskFactorType factor) {
        return riskFactors != null && riskFactors.contains(factor);
    }
}
