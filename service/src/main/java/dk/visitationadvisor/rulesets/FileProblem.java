package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.ruleengine.RuleSetProblem;
import java.util.List;

/** An error or warning in a candidate rule set, where its author finds it (line 0: the whole file). */
public record FileProblem(String file, int line, String message) {

    static List<FileProblem> of(List<RuleSetProblem> problems) {
        return problems.stream().map(p -> new FileProblem(p.file(), p.line(), p.message())).toList();
    }
}
