package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.platform.http.AdvisorProblem;
import java.util.Map;

/** A request names a rule-set version that is not on record. */
public class UnknownRuleSetVersionException extends RuntimeException implements AdvisorProblem {

    private final String field;

    public UnknownRuleSetVersionException(String field) {
        super("No rule-set version on record for " + field);
        this.field = field;
    }

    /** The request field that named it, e.g. {@code basedOn}. */
    public String field() {
        return field;
    }

    @Override
    public Problem problem() {
        return Problem.invalidFields(Map.of(field, AdvisorProblem.message("ruleSet.unknownVersion")));
    }
}
