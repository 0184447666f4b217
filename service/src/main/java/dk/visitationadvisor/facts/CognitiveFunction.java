package dk.visitationadvisor.facts;

/** A parent's cognitive function. */
public enum CognitiveFunction {
    NORMAL, REDUCED, SEVERE_LEARNING_DISABILITY
}
