package dk.visitationadvisor.facts;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a programme takes, shown with the recommendation or the running course: its team or its cost,
 * as the source gives them: {@code insert( ProgrammeResource.of( $course.fact("programme") ) );}.
 * The code and programme come from the rule's metadata, the words and numbers from its text.
 */
public record ProgrammeResource(String rule, String code, Programme programme, List<FactRef> facts) {

    public static ProgrammeResource of(RuleContext kcontext, Object... facts) {
        return new ProgrammeResource(kcontext.getRule().getName(), RuleFacts.metadata(kcontext, "code"),
                Programme.valueOf(RuleFacts.metadata(kcontext, "programme")), RuleFacts.flatten(facts));
    }
}
