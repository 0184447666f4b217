package dk.visitationadvisor.facts;

/**
 * An input field that is unknown and could add a risk factor for a programme, so a criterion that
 * counts risk factors cannot say "not met" while it is unknown.
 */
public record UnknownRiskFact(Programme programme, String path) {

    public static UnknownRiskFact of(Programme programme, String path) {
        return new UnknownRiskFact(programme, path);
    }
}
