package dk.visitationadvisor.facts;

/**
 * A criterion that the rule set defines for a programme, taken from the rules' metadata. The status
 * rules use the inclusion criteria to check that every one of them was found to be met.
 */
public record Criterion(String code, Programme programme, RuleKind kind) {
}
