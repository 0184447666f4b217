package dk.visitationadvisor.facts;

/** Who the parent is in the family. */
public enum ParentRole {
    MOTHER, FATHER, CO_PARENT
}
