package dk.visitationadvisor.facts;

/**
 * One input fact a rule relied on: its JSON path in the request and its value. {@code localPolicy}
 * when a local-policy rule counted it (e.g. a limited network counted as an unstable one), so that
 * every statement resting on it is marked local policy too.
 */
public record FactRef(String path, Object value, boolean localPolicy) {

    public FactRef(String path, Object value) {
        this(path, value, false);
    }

    FactRef asLocalPolicy() {
        return new FactRef(path, value, true);
    }

    @Override
    public String toString() {
        return path + " = " + value + (localPolicy ? " [LOCAL]" : "");
    }
}
