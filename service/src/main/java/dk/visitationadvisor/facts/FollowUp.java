package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/** Something that falls due on a date: {@code insert( FollowUp.dueOn( $child.birthDate().plusMonths(2) ) );}. */
public record FollowUp(String rule, String code, LocalDate due, List<FactRef> facts) {

    public static FollowUp dueOn(RuleContext kcontext, LocalDate due, Object... facts) {
        return new FollowUp(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"), due,
                RuleFacts.flatten(facts));
    }
}
