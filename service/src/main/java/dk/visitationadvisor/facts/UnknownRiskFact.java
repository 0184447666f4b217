package dk.visitationadvisor.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * An input field that is unknown and could add a risk factor for a programme, so a criterion that
 * counts risk factors cannot say "not met" while it is unknown; {@code rule} names the rule that found it,
 * as every result of a rule does.
 */
public record UnknownRiskFact(String rule, Programme programme, String path) {

    public static UnknownRiskFact of(RuleContext kcontext, Programme programme, String path) {
        return new UnknownRiskFact(kcontext.getRule().getName(), programme, path);
    }
}
