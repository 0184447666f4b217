package dk.visitationadvisor.facts;

/** The two intensive programmes a family can be visited to. */
public enum Programme {
    FAMILY_PLACEMENT, INTENSIVE_INFANT
}
