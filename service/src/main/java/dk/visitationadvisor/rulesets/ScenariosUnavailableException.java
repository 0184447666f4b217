package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;

/** The service was given no scenario folder to test candidates against (advisor.scenarios.directory). */
public class ScenariosUnavailableException extends RuntimeException implements AdvisorProblem {

    public ScenariosUnavailableException(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.of(503, null, null, AdvisorProblem.text(getMessage()), Map.of());
    }
}
