package dk.visitationadvisor.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A programme's status for the family, inserted by a status rule. */
public record ProgrammeStatus(Programme programme, Status status, String rule) {

    public static ProgrammeStatus of(RuleContext kcontext, Programme programme, Status status) {
        return new ProgrammeStatus(programme, status, kcontext.getRule().getName());
    }
}
