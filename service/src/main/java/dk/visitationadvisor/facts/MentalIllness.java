package dk.visitationadvisor.facts;

/** A parent's mental illness (psykisk lidelse). */
public enum MentalIllness {
    NONE, MILD_MODERATE, SEVERE
}
