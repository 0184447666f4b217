package dk.visitationadvisor.assessment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds a fact from the part of the request it is taken from, each field from the request's field of the
 * same name. A new input field is then written where it is asked (the request) and where the rules read it
 * (its fact), and nothing copies it by hand in between. A fact's field that the request has no field of that
 * name for must be given; a field of another type is refused on first use, with both names. The fields,
 * accessors and constructor of each pair of types are looked up once.
 */
final class FieldsByName {

    /** For each field of the fact: the request's accessor, or null where the value is given. */
    private record Plan(String[] names, MethodHandle[] accessors, MethodHandle constructor) {
    }

    private record Pair(Class<?> source, Class<?> fact) {
    }

    private static final ConcurrentMap<Pair, Plan> PLANS = new ConcurrentHashMap<>();

    private FieldsByName() {
    }

    /**
     * @param source     the request's part; null when it was left out, and then every field is unknown
     * @param sourceType the part's type, so that a missing or mistyped field is found even when it was left out
     */
    static <T extends Record> T copy(Object source, Class<? extends Record> sourceType, Class<T> fact) {
        return copy(source, sourceType, fact, Map.of());
    }

    /** As {@link #copy(Object, Class, Class)}, with the values of the fields the request has no field for. */
    static <T extends Record> T copy(Object source, Class<? extends Record> sourceType, Class<T> fact,
            Map<String, ?> given) {
        Plan plan = PLANS.computeIfAbsent(new Pair(sourceType, fact), pair -> plan(sourceType, fact, given.keySet()));
        Object[] values = new Object[plan.names().length];
        try {
            for (int f = 0; f < values.length; f++) {
                MethodHandle accessor = plan.accessors()[f];
                Object value = accessor == null ? given.get(plan.names()[f])
                        : source == null ? null : accessor.invoke(source);
                values[f] = value instanceof List<?> list ? List.copyOf(list) : value;
            }
            return fact.cast(plan.constructor().invoke(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot build " + fact.getSimpleName(), e);
        }
    }

    private static Plan plan(Class<?> sourceType, Class<?> fact, Set<String> given) {
        Map<String, RecordComponent> sourceFields = new HashMap<>();
        for (RecordComponent field : sourceType.getRecordComponents()) {
            sourceFields.put(field.getName(), field);
        }
        RecordComponent[] fields = fact.getRecordComponents();
        String[] names = new String[fields.length];
        MethodHandle[] accessors = new MethodHandle[fields.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int f = 0; f < fields.length; f++) {
                names[f] = fields[f].getName();
                if (given.contains(names[f])) {
                    continue;
                }
                RecordComponent from = sourceFields.get(names[f]);
                if (from == null || !fields[f].getGenericType().equals(from.getGenericType())) {
                    throw new IllegalStateException(fact.getSimpleName() + "." + names[f] + " needs a field "
                            + names[f] + " of type " + fields[f].getGenericType().getTypeName() + " in "
                            + sourceType.getSimpleName() + (from == null ? ", which has none" : ", which has "
                            + from.getGenericType().getTypeName()));
                }
                accessors[f] = lookup.unreflect(from.getAccessor());
            }
            Class<?>[] types = Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new);
            MethodHandle constructor = lookup.unreflectConstructor(fact.getDeclaredConstructor(types))
                    .asSpreader(Object[].class, fields.length);
            return new Plan(names, accessors, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + fact.getSimpleName() + " from "
                    + sourceType.getSimpleName(), e);
        }
    }
}
