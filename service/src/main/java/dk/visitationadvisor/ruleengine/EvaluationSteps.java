package dk.visitationadvisor.ruleengine;

import java.util.List;

/**
 * The steps of an evaluation, in order. Every rule names its step as its ruleflow-group, and a step's
 * rules fire only when all rules of the steps before it have fired: so the criteria see every risk
 * factor, and the status rules see every finding, without ordering rules by salience.
 */
public final class EvaluationSteps {

    /**
     * Eligibility (classify, criteria, status, recommend), then the course: the phase, the escalation
     * triggers, the base range of visits, its adjustments (which need the triggers), and the follow-ups.
     */
    public static final List<String> ORDER = List.of("classify", "criteria", "status", "recommend", "phase",
            "escalate", "visits", "adjust", "followup");

    private EvaluationSteps() {
    }
}
