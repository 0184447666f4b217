package dk.visitationadvisor.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/** Reads the firing rule's metadata and flattens the facts a consequence names. */
final class RuleFacts {

    private RuleFacts() {
    }

    static String metadata(RuleContext kcontext, String key) {
        Map<String, Object> metaData = kcontext.getRule().getMetaData();
        Object value = metaData.get(key);
        if (value == null) {
            throw new IllegalStateException("Rule '" + kcontext.getRule().getName() + "' has no @" + key);
        }
        return value.toString();
    }

    /** Accepts single facts, collections of facts and nulls, as a consequence hands them over. */
    static List<FactRef> flatten(Object... facts) {
        List<FactRef> flat = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof FactRef ref) {
                flat.add(ref);
            } else if (fact instanceof Collection<?> many) {
                flat.addAll(flatten(many.toArray()));
            } else if (fact != null) {
                throw new IllegalArgumentException("Not a fact reference: " + fact.getClass().getSimpleName());
            }
        }
        return List.copyOf(flat);
    }
}
