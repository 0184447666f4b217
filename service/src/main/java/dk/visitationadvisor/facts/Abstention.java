package dk.visitationadvisor.facts;

import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A trigger that could not be judged, and why: a cutoff not set in parameters.yaml, a score outside
 * the instrument's validity window, or a fact needed to read the score is missing. The rule's text
 * says why; {@code missing} lists what would let it judge (input paths, or {@code parameter:name}).
 */
public record Abstention(String rule, String code, List<FactRef> facts, List<String> missing) {

    public static Abstention of(RuleContext kcontext, Collection<String> missing, Object... facts) {
        return new Abstention(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                RuleFacts.flatten(facts), List.copyOf(missing));
    }

    /** The entry in missingInformation for a parameter that must be set before a rule can judge. */
    public static String parameter(String name) {
        return "parameter:" + name;
    }
}
