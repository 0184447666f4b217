package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.caseworker.FormField.Kind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field a caseworker can fill in, read off the {@link AssessmentRequest} records: its type, its
 * range and its choices, keyed by its path without list indices ({@code parents.substanceUse}). A
 * field added to the request is a field here, and the form's test fails until the form asks for it.
 */
final class RequestFields {

    /** One field of the request that holds a value (not an object). */
    record Leaf(String key, Kind kind, Class<?> choiceClass, Long min, Long max, boolean required) {

        /** The simple name of the enum of the choices, e.g. {@code SubstanceUse}; null when there are none. */
        String choiceType() {
            return choiceClass == null ? null : choiceClass.getSimpleName();
        }

        List<String> choices() {
            return choiceClass == null ? List.of() : FormField.names(choiceClass.getEnumConstants());
        }
    }

    private static final Map<String, Leaf> LEAVES = Collections.unmodifiableMap(
            walk(AssessmentRequest.class, "", new LinkedHashMap<>()));

    private RequestFields() {
    }

    static Collection<Leaf> all() {
        return LEAVES.values();
    }

    static Leaf leaf(String key) {
        Leaf leaf = LEAVES.get(key);
        if (leaf == null) {
            throw new IllegalArgumentException("The request has no field " + key);
        }
        return leaf;
    }

    /** The form field for a path of the request, e.g. {@code parents[1].substanceUse}. */
    static FormField field(String path) {
        Leaf leaf = leaf(FormField.keyOf(path));
        return new FormField(path, leaf.kind(), leaf.choices(), leaf.min(), leaf.max(), leaf.required());
    }

    /** Whether the request has a field under this key: a derived fact (e.g. the child's age) has not. */
    static boolean has(String key) {
        return LEAVES.containsKey(key);
    }

    private static Map<String, Leaf> walk(Class<?> record, String prefix, Map<String, Leaf> leaves) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + component.getName();
            Class<?> type = component.getType();
            Method accessor = component.getAccessor();
            if (type.isRecord()) {
                walk(type, key + ".", leaves);
            } else if (List.class.isAssignableFrom(type)) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType())
                        .getActualTypeArguments()[0];
                if (element.isRecord()) {
                    walk(element, key + ".", leaves);
                } else {
                    leaves.put(key, new Leaf(key, Kind.FACTORS, element, null, null, false));
                }
            } else {
                leaves.put(key, leaf(key, type, accessor));
            }
        }
        return leaves;
    }

    private static Leaf leaf(String key, Class<?> type, Method accessor) {
        Min min = accessor.getAnnotation(Min.class);
        Max max = accessor.getAnnotation(Max.class);
        Size size = accessor.getAnnotation(Size.class);
        boolean required = accessor.isAnnotationPresent(NotBlank.class);
        if (type == Integer.class) {
            return new Leaf(key, Kind.NUMBER, null, min == null ? null : min.value(), max == null ? null : max.value(),
                    required);
        }
        if (type == LocalDate.class) {
            return new Leaf(key, Kind.DATE, null, null, null, required);
        }
        if (type == Boolean.class) {
            return new Leaf(key, Kind.YES_NO, null, null, null, required);
        }
        if (type.isEnum()) {
            return new Leaf(key, Kind.CHOICE, type, null, null, required);
        }
        if (type == String.class) {
            return new Leaf(key, Kind.TEXT, null, null, size == null ? null : (long) size.max(), required);
        }
        throw new IllegalStateException("No form input for " + key + " of type " + type.getName());
    }
}
