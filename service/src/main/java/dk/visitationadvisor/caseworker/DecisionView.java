package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.casehistory.Decision;
import dk.visitationadvisor.casehistory.Decisions.Amended;
import java.util.List;
import java.util.Map;

/**
 * The decision part of the result page: the decision on record (null when none yet), the versions it
 * replaced, and the form to record or amend it, with what was entered and the messages by each field.
 */
record DecisionView(Decision current, List<Amended> history, Map<String, String> entered,
        Map<String, List<String>> errors) {

    static DecisionView of(Decision current, List<Amended> history) {
        return new DecisionView(current, history, current == null ? Map.of()
                : Map.of("outcome", current.outcome(), "decidedProgramme", current.decidedProgramme(),
                        "reason", current.reason()), Map.of());
    }

    /** The value entered (or on record) for a field of the form, or "". */
    public String value(String field) {
        return entered.getOrDefault(field, "");
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }
}
