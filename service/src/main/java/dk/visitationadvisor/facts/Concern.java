package dk.visitationadvisor.facts;

/** The caseworker's concern for the child. Present with null fields when nothing is known. */
public record Concern(ConcernLevel level, Boolean childSafetyConcern, Boolean doubtAboutParentingCapacity,
        Boolean placementNecessary) implements InputFact {

    @Override
    public String path() {
        return "concern";
    }

    /** True when the level is known and at least the given level; false when lower or unknown. */
    public boolean levelAtLeast(ConcernLevel minimum) {
        return level != null && minimum != null && level.isAtLeast(minimum);
    }

    /** True when the level is known and lower than the given level; false when at least it or unknown. */
    public boolean levelBelow(ConcernLevel minimum) {
        return level != null && minimum != null && !level.isAtLeast(minimum);
    }
}
