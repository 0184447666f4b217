package dk.visitationadvisor.facts;

/** A programme's status for the family. */
public enum Status {
    ELIGIBLE, NOT_ELIGIBLE, NEEDS_ASSESSMENT
}
