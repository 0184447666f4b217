package dk.visitationadvisor.authoring;

/**
 * An impact preview over fewer stored assessments than {@code advisor.rules.impact.minimum-assessments}:
 * refused, since its answer would tell how one or a few families would be judged.
 */
public class TooFewAssessmentsException extends RuntimeException {

    private final long found;
    private final int minimum;

    TooFewAssessmentsException(long found, int minimum) {
        super(found + " stored assessments in the period; an impact preview needs at least " + minimum, null,
                false, false);
        this.found = found;
        this.minimum = minimum;
    }

    public long found() {
        return found;
    }

    public int minimum() {
        return minimum;
    }
}
