package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An impact preview over fewer stored assessments than {@code advisor.rules.impact.minimum-assessments}:
 * refused, since its answer would tell how one or a few families would be judged.
 */
public class TooFewAssessmentsException extends RuntimeException implements AdvisorProblem {

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

    @Override
    public Problem problem() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("found", found);
        counts.put("minimum", minimum);
        return Problem.of(422, "/problems/too-few-assessments", "problem.tooFewAssessments.title",
                AdvisorProblem.message("problem.tooFewAssessments.detail", found, minimum), counts);
    }
}
