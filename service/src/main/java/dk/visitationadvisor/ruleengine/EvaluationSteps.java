package dk.visitationadvisor.ruleengine;

import java.util.List;

/**
 * The steps of an evaluation, in order. Every rule names its step as its ruleflow-group, and a step's
 * rules fire only when all rules of the steps before it have fired: so the criteria see every risk
 * factor, and the status rules see every finding, without ordering rules by salience.
 */
public final class EvaluationSteps {

    /** Classification, criteria, status, recommendation. */
    public static final List<String> ORDER = List.of("classify", "criteria", "status", "recommend");

    private EvaluationSteps() {
    }
}
