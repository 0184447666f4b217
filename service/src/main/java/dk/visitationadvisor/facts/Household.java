package dk.visitationadvisor.facts;

/** The facts about the family as a whole, found at the top level of the request. */
public record Household(Boolean consent, Housing housing, Network network, Integer olderSiblings)
        implements InputFact {

    @Override
    public String path() {
        return "";
    }
}
