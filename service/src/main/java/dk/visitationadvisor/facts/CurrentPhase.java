package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The phase of the programme the visit plan is for: the course's phase, or at visitation the phase
 * the pregnancy or the child's age puts the family in for the recommended programme.
 */
public record CurrentPhase(String rule, Programme programme, Phase phase, List<FactRef> facts) {

    public static CurrentPhase of(RuleContext kcontext, Phase phase, Object... facts) {
        return new CurrentPhase(kcontext.getRule().getName(), phase.programme(), phase, RuleFacts.flatten(facts));
    }
}
