package dk.visitationadvisor.assessment;

import dk.visitationadvisor.ruleengine.RuleEvaluationException;

/**
 * The live rules failed on this family (a rule threw, or the rules looped), so it gets no answer and
 * nothing is stored. Other families are answered as usual. The message holds no personal data.
 */
public class RulesFailedException extends RuntimeException {

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
}
