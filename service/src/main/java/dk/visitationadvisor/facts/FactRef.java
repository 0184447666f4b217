package dk.visitationadvisor.facts;

/** One input fact a rule relied on: its JSON path in the request and its value. */
public record FactRef(String path, Object value) {

    @Override
    public String toString() {
        return path + " = " + value;
    }
}
