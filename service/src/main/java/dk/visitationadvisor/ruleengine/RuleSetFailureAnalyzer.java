package dk.visitationadvisor.ruleengine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken rule set at start-up into a message that names each file, line and problem. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the rule files named above (file:line: problem) and start again. The rule-authoring guide is "
                        + "docs/rule-authoring.md.",
                cause);
    }
}
