package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * The latest earlier assessment of the same case, from the case history: what trends compare with.
 * Absent for a case's first assessment. Its facts name the earlier assessment, e.g.
 * {@code previousAssessment.concernLevel = MODERATE}, with its id and date.
 *
 * @param parents what the earlier assessment knew about each parent, by the same number as the
 *        parents now; empty when it is not read (only triggers that compare parents need it)
 */
public record PreviousAssessment(String assessmentId, LocalDate assessmentDate, ConcernLevel concernLevel,
        Integer ors, Rater orsRater, List<PreviousParent> parents) implements InputFact {

    /** A parent as the earlier assessment described it; a null field was unknown then. */
    public record PreviousParent(SubstanceUse substanceUse, List<RiskFactorType> riskFactors) {
    }

    public PreviousAssessment {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    @Override
    public String path() {
        return "previousAssessment";
    }

    /** Which assessment this is, for an explanation that compares with it. */
    public FactRef identity() {
        return new FactRef("previousAssessment", assessmentId + " of " + assessmentDate);
    }

    /** True when the concern is known now and then, and higher now. */
    public boolean concernRoseTo(ConcernLevel now) {
        return now != null && concernLevel != null && now.compareTo(concernLevel) > 0;
    }

    /** True when the concern is known now and then, and lower now. */
    public boolean concernFellTo(ConcernLevel now) {
        return now != null && concernLevel != null && now.compareTo(concernLevel) < 0;
    }

    /**
     * True when the earlier assessment knew that this parent had no active substance use (none, or
     * previous use only); false when it had active use, or did not know.
     */
    public boolean hadNoActiveUse(int parent) {
        SubstanceUse then = parent < parents.size() ? parents.get(parent).substanceUse() : null;
        return then == SubstanceUse.NONE || then == SubstanceUse.PREVIOUS;
    }

    /** True when the earlier assessment had violence in close relations ticked for this parent. */
    public boolean reportedDomesticViolence(int parent) {
        List<RiskFactorType> then = parent < parents.size() ? parents.get(parent).riskFactors() : null;
        return then != null && then.contains(RiskFactorType.DOMESTIC_VIOLENCE);
    }
}
