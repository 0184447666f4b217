package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AssessmentRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A field of a request by its path, as {@code missingInformation} names it ({@code parents[0].substanceUse},
 * {@code measurements.adbb}): the type the request declares for it, its bounds, and a copy of a request with
 * the field set to another value.
 *
 * @param segments the names along the path, with the list index after a list's name
 * @param type the field's declared type: an enum, Boolean, Integer, a list of enum values, a date or a record
 * @param elementType for a list, the type of its elements; otherwise null
 * @param min the lowest value a number may take ({@code @Min}); null when none or not a number
 * @param max the highest value a number may take ({@code @Max}); null when none or not a number
 */
record FieldPath(String path, List<Object> segments, Class<?> type, Class<?> elementType, Integer min, Integer max) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?");
    /** A request record's fields by name, looked up once per type: a path is resolved for every value tried. */
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> record) {
            return Arrays.stream(record.getRecordComponents())
                    .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, Function.identity()));
        }
    };

    /** The field a path names in a request; empty when the path is not a request field (e.g. a parameter). */
    static Optional<FieldPath> of(String path) {
        List<Object> segments = new ArrayList<>();
        Class<?> type = AssessmentRequest.class;
        Class<?> element = null;
        RecordComponent component = null;
        for (String part : path.split("\\.")) {
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches() || !type.isRecord()) {
                return Optional.empty();
            }
            component = component(type, matcher.group(1));
            if (component == null) {
                return Optional.empty();
            }
            segments.add(matcher.group(1));
            type = component.getType();
            element = elementOf(component.getGenericType());
            if (matcher.group(2) != null) {
                if (element == null) {
                    return Optional.empty();
                }
                segments.add(Integer.parseInt(matcher.group(2)));
                type = element;
                element = null;
            }
        }
        if (component == null) {
            return Optional.empty();
        }
        Min min = component.getAccessor().getAnnotation(Min.class);
        Max max = component.getAccessor().getAnnotation(Max.class);
        return Optional.of(new FieldPath(path, List.copyOf(segments), type, element,
                min == null ? null : (int) min.value(), max == null ? null : (int) max.value()));
    }

    /** The path without list indexes, e.g. {@code parents.substanceUse}: the key of its texts. */
    String key() {
        return path.replaceAll("\\[\\d+]", "");
    }

    /** A copy of the request with this field set to the value; sections on the way are created. */
    AssessmentRequest set(JsonMapper json, JsonNode request, JsonNode value) {
        JsonNode copy = request.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            Object next = segments.get(i + 1);
            if (segment instanceof String name) {
                ObjectNode object = (ObjectNode) node;
                JsonNode child = object.get(name);
                if (child == null || child.isNull()) {
                    child = next instanceof Integer ? object.putArray(name) : object.putObject(name);
                }
                node = child;
            } else {
                node = ((ArrayNode) node).get((Integer) segment);
            }
        }
        ((ObjectNode) node).set((String) segments.get(segments.size() - 1), value);
        return json.treeToValue(copy, AssessmentRequest.class);
    }

    /** The value the request has in this field, as JSON (a missing node when absent). */
    JsonNode valueIn(JsonNode request) {
        JsonNode node = request;
        for (Object segment : segments) {
            node = segment instanceof String name ? node.path(name) : node.path((Integer) segment);
        }
        return node;
    }

    private static RecordComponent component(Class<?> record, String name) {
        return COMPONENTS.get(record).get(name);
    }

    private static Class<?> elementOf(Type type) {
        return type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> c
                ? c : null;
    }
}
