package dk.visitationadvisor.facts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/** Reads a record fact's field by name, with the accessors looked up once per fact type. */
final class FieldValues {

    private static final ClassValue<Map<String, MethodHandle>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> accessors = new HashMap<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    accessors.put(component.getName(), lookup.unreflect(component.getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Fact field not readable: " + component, e);
                }
            }
            return Map.copyOf(accessors);
        }
    };

    private FieldValues() {
    }

    static Object read(Object fact, String field) {
        MethodHandle accessor = ACCESSORS.get(fact.getClass()).get(field);
        if (accessor == null) {
            throw new IllegalArgumentException(fact.getClass().getSimpleName() + " has no field '" + field + "'");
        }
        try {
            return accessor.invoke(fact);
        } catch (Throwable e) {
            throw new IllegalStateException("Could not read " + field, e);
        }
    }
}
