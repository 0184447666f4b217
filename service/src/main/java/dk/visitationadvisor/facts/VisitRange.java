package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A range of visits (or contacts) a week. A "visits" rule inserts the phase's base range; an
 * "adjustment" rule inserts an adjusted range, which replaces the base. Either bound may be null
 * where the sources give no number.
 */
public record VisitRange(String rule, String code, boolean adjusted, Integer min, Integer max, List<FactRef> facts) {

    public static VisitRange base(RuleContext kcontext, Integer min, Integer max, Object... facts) {
        return new VisitRange(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), false, min, max,
                RuleFacts.flatten(facts));
    }

    public static VisitRange adjusted(RuleContext kcontext, Integer min, Integer max, Object... facts) {
        return new VisitRange(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), true, min, max,
                RuleFacts.flatten(facts));
    }
}
