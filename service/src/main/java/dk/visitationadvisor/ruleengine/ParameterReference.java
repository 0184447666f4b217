package dk.visitationadvisor.ruleengine;

/**
 * Where one dated value of a parameter comes from: the id of a passage in {@code sources.yaml}, and
 * where in it (the words quoted »…«, a page) when the passage alone does not say. A local-policy value
 * may have no source; its locator then says what it rests on.
 *
 * @param source the id of a passage in sources.yaml, or null for a local value without one
 * @param locator where in the passage, or what a local value rests on; null when not needed
 */
public record ParameterReference(String source, String locator) {
}
