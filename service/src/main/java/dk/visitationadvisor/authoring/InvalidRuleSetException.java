package dk.visitationadvisor.authoring;

import java.util.List;

/** A candidate rule set that cannot be built, with every error in it: nothing was run on it. */
public class InvalidRuleSetException extends RuntimeException {

    private final List<FileProblem> errors;

    public InvalidRuleSetException(List<FileProblem> errors) {
        super("The candidate rule set has " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FileProblem> errors() {
        return errors;
    }
}
