package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A trigger that fired: {@code insert( Escalation.raise( $m.fact("adbb") ) );}. Its code,
 * severity and action come from the rule's metadata; {@code intensifying} when the rule is marked
 * {@code @intensify("true")}, so that visits go to the upper end while it is active.
 */
public record Escalation(String rule, String code, Severity severity, boolean intensifying, List<FactRef> facts) {

    public static Escalation raise(RuleContext kcontext, Object... facts) {
        return new Escalation(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                Severity.valueOf(RuleFacts.metadata(kcontext, "severity")),
                "true".equals(String.valueOf(kcontext.getRule().getMetaData().get("intensify"))),
                RuleFacts.flatten(facts));
    }

    /** The trigger as a fact another rule relied on, e.g. {@code escalation = ESC-GROWTH}. */
    public FactRef asFact() {
        return new FactRef("escalation", code);
    }
}
