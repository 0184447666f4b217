package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.List;
import java.util.Map;

/** A candidate rule set that cannot be built, with every error in it: nothing was run on it. */
public class InvalidRuleSetException extends RuntimeException implements AdvisorProblem {

    private final List<FileProblem> errors;

    public InvalidRuleSetException(List<FileProblem> errors) {
        super("The candidate rule set has " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FileProblem> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.of(422, "/problems/invalid-rule-set", "problem.ruleSet.title",
                AdvisorProblem.message("problem.ruleSet.detail", errors.size()), Map.of("errors", errors));
    }
}
