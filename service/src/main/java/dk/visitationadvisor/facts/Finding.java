package dk.visitationadvisor.facts;

import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What one criterion rule found for one programme, inserted by the rule's consequence:
 * {@code insert( Finding.met( $concern.fact("level") ) );}. The code, programme and kind
 * come from the rule's metadata; the consequence names the input facts it relied on, or the
 * missing ones.
 */
public record Finding(String rule, String code, Programme programme, RuleKind kind, Outcome outcome,
        List<FactRef> facts, List<String> missing) {

    public static Finding met(RuleContext kcontext, Object... facts) {
        return of(kcontext, Outcome.MET, List.of(), facts);
    }

    public static Finding notMet(RuleContext kcontext, Object... facts) {
        return of(kcontext, Outcome.NOT_MET, List.of(), facts);
    }

    /** The criterion cannot be decided: {@code missing} are the paths of the unknown input fields. */
    public static Finding unknown(RuleContext kcontext, Collection<String> missing, Object... facts) {
        return of(kcontext, Outcome.UNKNOWN, List.copyOf(missing), facts);
    }

    private static Finding of(RuleContext kcontext, Outcome outcome, List<String> missing, Object... facts) {
        return new Finding(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                Programme.valueOf(RuleFacts.metadata(kcontext, "programme")),
                RuleKind.valueOf(RuleFacts.metadata(kcontext, "kind")), outcome, RuleFacts.flatten(facts),
                missing);
    }

    /** True when this finding alone keeps the family out of the programme. */
    public boolean isBlocking() {
        return (kind == RuleKind.INCLUSION && outcome == Outcome.NOT_MET)
                || (kind == RuleKind.EXCLUSION && outcome == Outcome.MET);
    }

    /** True when this finding leaves the programme open until a caseworker or visitation decides. */
    public boolean isOpen() {
        return switch (kind) {
            case INCLUSION, EXCLUSION -> outcome == Outcome.UNKNOWN;
            case ASSESSMENT -> outcome != Outcome.NOT_MET;
            default -> false;
        };
    }
}
