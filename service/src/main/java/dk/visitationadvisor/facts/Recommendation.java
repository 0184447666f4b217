package dk.visitationadvisor.facts;

import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Which programme the rules recommend, and why, inserted by a preference rule. {@code programme} is
 * null when the rules recommend none ({@link #none}: e.g. the authority decides on placement now) or
 * cannot choose ({@link #undecided}: {@code missing} names the facts that would decide it).
 */
public record Recommendation(String rule, String code, Programme programme, List<FactRef> facts,
        List<String> missing) {

    public static Recommendation of(RuleContext kcontext, Programme programme, Object... facts) {
        return new Recommendation(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), programme,
                RuleFacts.flatten(facts), List.of());
    }

    /** No programme is recommended, for the reason the rule's text gives. */
    public static Recommendation none(RuleContext kcontext, Object... facts) {
        return new Recommendation(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), null,
                RuleFacts.flatten(facts), List.of());
    }

    public static Recommendation undecided(RuleContext kcontext, Collection<String> missing, Object... facts) {
        return new Recommendation(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), null,
                RuleFacts.flatten(facts), List.copyOf(missing));
    }
}
