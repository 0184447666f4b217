package dk.visitationadvisor.facts;

/** The family's housing. */
public enum Housing {
    STABLE, UNSTABLE, NONE
}
