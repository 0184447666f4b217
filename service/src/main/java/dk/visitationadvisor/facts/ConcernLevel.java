package dk.visitationadvisor.facts;

/** How serious the concern for the child is, from low to acute; the order matters. */
public enum ConcernLevel {
    LOW, MODERATE, SIGNIFICANT, ACUTE;

    public boolean isAtLeast(ConcernLevel other) {
        return compareTo(other) >= 0;
    }
}
