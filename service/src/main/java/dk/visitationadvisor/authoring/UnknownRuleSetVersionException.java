package dk.visitationadvisor.authoring;

/** A request names a rule-set version that is not on record. */
public class UnknownRuleSetVersionException extends RuntimeException {

    private final String field;

    public UnknownRuleSetVersionException(String field) {
        super("No rule-set version on record for " + field);
        this.field = field;
    }

    /** The request field that named it, e.g. {@code basedOn}. */
    public String field() {
        return field;
    }
}
