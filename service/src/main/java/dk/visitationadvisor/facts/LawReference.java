package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A paragraph the sources cite beside the paragraph of the law in force today, e.g. serviceloven § 50
 * beside barnets lov § 20: {@code insert( LawReference.of() );}. The sources predate
 * barnets lov (in force 1 January 2024); {@code cited} and {@code today} come from the rule's
 * {@code @cited} and {@code @today}, and every mapping is ours until a domain expert confirms it
 * ({@code @confirmed("true")}).
 */
public record LawReference(String rule, String code, String cited, String today, boolean confirmed,
        List<FactRef> facts) {

    public static LawReference of(RuleContext kcontext, Object... facts) {
        return new LawReference(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                RuleFacts.metadata(kcontext, "cited"), RuleFacts.metadata(kcontext, "today"),
                "true".equals(String.valueOf(kcontext.getRule().getMetaData().get("confirmed"))),
                RuleFacts.flatten(facts));
    }
}
