package dk.visitationadvisor.platform.http;

/** One offending field of a request: its JSON path (empty for the body itself), and what is wrong. */
public record FieldProblem(String field, String message) {
}
