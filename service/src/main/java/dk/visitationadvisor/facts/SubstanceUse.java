package dk.visitationadvisor.facts;

/** A parent's use of alcohol or drugs (rusmidler). */
public enum SubstanceUse {
    NONE, PREVIOUS, ACTIVE_IN_TREATMENT, ACTIVE_NO_TREATMENT
}
