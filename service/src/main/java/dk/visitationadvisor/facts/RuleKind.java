package dk.visitationadvisor.facts;

/**
 * What a rule's finding means for a programme. The kinds fix how findings combine into a status:
 * an inclusion criterion that is not met, or an exclusion criterion that is met, makes a programme
 * not eligible; an unknown criterion, or a met assessment criterion, makes it need assessment.
 */
public enum CriterionKind {
    /** Derives facts that later rules use, e.g. which parent conditions count as risk factors. */
    CLASSIFICATION,
    /** Must be met for the programme. */
    INCLUSION,
    /** When met, the family is outside the programme's target group. */
    EXCLUSION,
    /** When met, a professional judgement at visitation decides; the rules cannot. */
    ASSESSMENT,
    /** When met, suggests further investigation; it does not change the status. */
    SUGGESTION,
    /** Combines the findings into each programme's status. */
    STATUS,
    /** Chooses between eligible programmes. */
    PREFERENCE
}
