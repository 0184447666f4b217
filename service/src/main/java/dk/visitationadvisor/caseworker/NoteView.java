package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.caseworker.FormField.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What a journal note says about the inputs: each fact given, in words, and the facts left unknown
 * and the scores not measured, by their labels. A part of the request that is absent (no pregnancy,
 * no course, a parent not described) leaves its own fields out: they do not apply.
 *
 * @param given each fact given as {@code {label, value}}
 * @param inCourse whether the family is in a course; if not, its fields are left out
 */
record NoteView(List<String[]> given, List<String> unknown, List<String> notMeasured, boolean inCourse) {

    static NoteView of(JsonNode request, Labels labels) {
        List<String[]> given = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        int parents = request.path("parents").size();
        for (FormField field : FamilyForm.fields().toList()) {
            String path = field.path();
            Matcher parent = FormField.PARENT.matcher(path);
            if (parent.find() && Integer.parseInt(parent.group(1)) >= parents) {
                continue;
            }
            JsonNode node = request.at("/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/'));
            if (field.kind() == Kind.PRESENCE) {
                given.add(new String[] {labels.field(path), labels.value("consent", String.valueOf(node.isObject()))});
                continue;
            }
            String part = path.contains(".") && !path.startsWith("parents") ? path.substring(0, path.indexOf('.')) : null;
            if (part != null && !part.equals("measurements") && !request.path(part).isObject()) {
                continue;
            }
            if (node.isMissingNode() || node.isNull()) {
                (path.startsWith("measurements.") ? notMeasured : unknown).add(labels.field(path));
            } else if (node.isArray()) {
                List<String> values = new ArrayList<>();
                node.forEach(value -> values.add(value.asString()));
                given.add(new String[] {labels.field(path), labels.value(path, "[" + String.join(", ", values) + "]")});
            } else {
                given.add(new String[] {labels.field(path), labels.value(path, node.asString())});
            }
        }
        return new NoteView(given, unknown, notMeasured, request.path("course").isObject());
    }

    public String unknownText() {
        return unknown.stream().collect(Collectors.joining("; "));
    }

    public String notMeasuredText() {
        return notMeasured.stream().collect(Collectors.joining("; "));
    }
}
