package dk.visitationadvisor.facts;

/** The yes/no risk factors a caseworker can tick for a parent; levelled factors (substance use, mental illness, cognitive function) have their own fields. */
public enum RiskFactorType {
    LOW_MENTALIZATION, CHILDHOOD_TRAUMA, DIFFICULTY_PRIORITISING_CHILD, DIFFICULTY_STRUCTURING_DAILY_LIFE, ECONOMIC_PROBLEMS, DOMESTIC_VIOLENCE, IMMATURE_PERSONALITY, CRIMINALITY
}
