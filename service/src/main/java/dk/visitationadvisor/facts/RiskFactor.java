package dk.visitationadvisor.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A condition of the family that counts as a risk factor for a programme, derived by the programme's
 * classification rules: {@code insert( RiskFactor.counted( "MENTAL_ILLNESS", $parent.fact("mentalIllness") ) );}.
 * {@code factor} names the kind of risk, so that a kind counts once even when both parents have it.
 * The programme comes from the rule's metadata; a local-policy rule marks the fact as local policy.
 */
public record RiskFactor(Programme programme, String factor, FactRef fact) {

    public static RiskFactor counted(RuleContext kcontext, String factor, FactRef fact) {
        boolean local = "true".equals(String.valueOf(kcontext.getRule().getMetaData().get("localPolicy")));
        return new RiskFactor(Programme.valueOf(RuleFacts.metadata(kcontext, "programme")), factor,
                local ? fact.asLocalPolicy() : fact);
    }
}
