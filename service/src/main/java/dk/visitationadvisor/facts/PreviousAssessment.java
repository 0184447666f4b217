package dk.visitationadvisor.facts;

import java.time.LocalDate;

/**
 * The latest earlier assessment of the same case, from the case history: what trends compare with.
 * Absent for a case's first assessment. Its facts name the earlier assessment, e.g.
 * {@code previousAssessment.concernLevel = MODERATE}, with its id and date.
 */
public record PreviousAssessment(String assessmentId, LocalDate assessmentDate, ConcernLevel concernLevel,
        Integer ors, Rater orsRater) implements InputFact {

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
}
