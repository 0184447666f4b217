package dk.visitationadvisor.facts;

/** The family is expecting a child. Absent when nobody in the family is pregnant. */
public record Pregnancy(Integer gestationalWeek) implements InputFact {

    @Override
    public String path() {
        return "pregnancy";
    }
}
