package dk.visitationadvisor.assessment;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import dk.visitationadvisor.ruleengine.RuleEvaluationException;
import java.util.Map;

/**
 * The live rules failed on this family (a rule threw, or the rules looped), so it gets no answer and
 * nothing is stored. Other families are answered as usual. The message holds no personal data.
 */
public class RulesFailedException extends RuntimeException implements AdvisorProblem {

    private final String rulesetVersion;
    private final String rule;

    RulesFailedException(RuleEvaluationException failure) {
        super(failure.getMessage(), failure);
        this.rulesetVersion = failure.rulesetVersion();
        this.rule = failure.rule();
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** The rule that failed, or null when the rule engine does not say. */
    public String rule() {
        return rule;
    }

    /** A fault of the rule set: a 500 with an incident id. Nothing is stored; other families go on. */
    @Override
    public Problem problem() {
        return Problem.of(500, "/problems/rule-failure", "problem.ruleFailure.title",
                AdvisorProblem.message("problem.ruleFailure.detail", rulesetVersion), Map.of("rulesetVersion", rulesetVersion));
    }
}
