package dk.visitationadvisor.facts;

/**
 * A condition of the family that counts as a risk factor for a programme, derived by the programme's
 * classification rules. {@code factor} names the kind of risk, so that a kind counts once even when
 * both parents have it.
 */
public record RiskFactor(Programme programme, String factor, FactRef fact) {
}
