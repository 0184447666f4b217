package dk.visitationadvisor.facts;

/** Who scored an instrument: a parent, or a professional of the team. */
public enum Rater {
    PARENT, STAFF
}
