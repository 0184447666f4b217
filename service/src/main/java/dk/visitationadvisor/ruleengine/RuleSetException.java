package dk.visitationadvisor.ruleengine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used, with every problem found in it. */
public class RuleSetException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    public RuleSetException(List<RuleSetProblem> problems) {
        super("The rule set has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RuleSetException(String file, String message) {
        this(List.of(new RuleSetProblem(file, 0, message)));
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
