package dk.visitationadvisor.facts;

import java.time.LocalDate;

/** The date of the assessment, from which follow-ups that recur are counted. */
public record AssessmentDay(LocalDate date) implements InputFact {

    @Override
    public String path() {
        return "";
    }

    /** As a fact: {@code assessmentDate = 2026-11-22}. */
    public FactRef fact() {
        return new FactRef("assessmentDate", date);
    }
}
