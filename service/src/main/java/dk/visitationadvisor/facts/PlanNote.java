package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A statement in the visit plan that is not a number: how the phase was found, that the dates do not
 * fit the phase entered, or a constraint on how visits are made.
 */
public record PlanNote(String rule, String code, List<FactRef> facts) {

    public static PlanNote of(RuleContext kcontext, Object... facts) {
        return new PlanNote(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                RuleFacts.flatten(facts));
    }
}
