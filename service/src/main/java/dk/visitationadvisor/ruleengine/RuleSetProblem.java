package dk.visitationadvisor.ruleengine;

/** One error in a rule set, where an author can find it: file, line (0 when unknown) and message. */
public record RuleSetProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
