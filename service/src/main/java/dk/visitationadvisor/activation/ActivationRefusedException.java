package dk.visitationadvisor.activation;

import dk.visitationadvisor.authoring.FileProblem;
import dk.visitationadvisor.authoring.RuleSetChecks.ScenarioOutcome;
import java.util.List;

/** A candidate that may not go live: it does not build, or scenarios fail. The live rule set stays. */
public class ActivationRefusedException extends RuntimeException {

    private final List<FileProblem> errors;
    private final List<ScenarioOutcome> failedScenarios;

    ActivationRefusedException(String message, List<FileProblem> errors, List<ScenarioOutcome> failedScenarios) {
        super(message);
        this.errors = List.copyOf(errors);
        this.failedScenarios = List.copyOf(failedScenarios);
    }

    public List<FileProblem> errors() {
        return errors;
    }

    public List<ScenarioOutcome> failedScenarios() {
        return failedScenarios;
    }
}
