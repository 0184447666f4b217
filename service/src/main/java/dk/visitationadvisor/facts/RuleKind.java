package dk.visitationadvisor.facts;

/**
 * What a rule does. For criteria, the kind fixes how findings combine into a status:
 * an inclusion criterion that is not met, or an exclusion criterion that is met, makes a programme
 * not eligible; an unknown criterion, or a met assessment criterion, makes it need assessment.
 */
public enum RuleKind {
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
    PREFERENCE,
    /** Decides the phase of the programme the family is in, and whether the dates fit it. */
    PHASE,
    /** Raises an escalation trigger, or says why a trigger could not be judged. */
    ESCALATION,
    /** Sets the base range of visits for the phase. */
    VISITS,
    /** Adjusts the range of visits, e.g. to its upper end while a child-safety trigger is active. */
    ADJUSTMENT,
    /** States a constraint on how visits are made (awake time, weekends, phone availability). */
    CONSTRAINT,
    /** Sets a follow-up, or a next step the sources give, and the date it falls due. */
    FOLLOW_UP,
    /** States what a programme takes: its team or its cost, as the source gives them. */
    RESOURCES,
    /** Sets a paragraph a source cites beside the paragraph of the law in force today. */
    LAW
}
