package dk.visitationadvisor.ruleengine;

/**
 * The rules failed while evaluating one family: a condition or consequence threw (e.g. a division by
 * zero), or the rules looped. A fault of the rule set, not of the request. The message names the rule
 * set, the rule when known, and the kind of failure; never the family's facts.
 */
public class RuleEvaluationException extends RuntimeException {

    private final String rulesetVersion;
    private final String rule;

    RuleEvaluationException(String rulesetVersion, String rule, Throwable cause) {
        super("The rules of rule set " + rulesetVersion + " failed" + (rule == null ? "" : " in rule \"" + rule + "\"")
                + " (" + rootOf(cause).getClass().getSimpleName() + ")", cause);
        this.rulesetVersion = rulesetVersion;
        this.rule = rule;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** The rule that failed, or null when the engine does not say (e.g. a condition of a rule). */
    public String rule() {
        return rule;
    }
}
