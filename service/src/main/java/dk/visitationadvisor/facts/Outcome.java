package dk.visitationadvisor.facts;

/** Whether a criterion's condition holds for the family: met, not met, or unknown because facts are missing. */
public enum Outcome {
    MET, NOT_MET, UNKNOWN
}
