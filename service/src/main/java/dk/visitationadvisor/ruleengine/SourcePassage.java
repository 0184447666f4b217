package dk.visitationadvisor.ruleengine;

/** A passage of a source document that rules cite: the document, its section heading, and the quote. */
public record SourcePassage(String id, String document, String section, String quote) {

    /** How a caseworker sees the reference, e.g. "Indsats for familieanbringelse, afsnit »Målgruppen«". */
    public String citation() {
        return document + ", " + section;
    }
}
