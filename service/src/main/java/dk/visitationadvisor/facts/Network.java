package dk.visitationadvisor.facts;

/** The family's private network. */
public enum Network {
    SUPPORTIVE, LIMITED, NONE
}
