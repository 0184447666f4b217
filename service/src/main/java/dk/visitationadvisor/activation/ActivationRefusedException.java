package dk.visitationadvisor.activation;

import dk.visitationadvisor.rulesets.FileProblem;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioOutcome;
import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A candidate that may not go live: it does not build, or scenarios fail. The live rule set stays. */
public class ActivationRefusedException extends RuntimeException implements AdvisorProblem {

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

    @Override
    public Problem problem() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("errors", errors);
        members.put("failedScenarios", failedScenarios);
        return Problem.of(422, "/problems/activation-refused", "problem.activationRefused.title",
                AdvisorProblem.text(getMessage()), members);
    }
}
