package dk.visitationadvisor.assessment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.function.Predicate;

/**
 * Records made of two of the same type: some fields from one, the rest from the other. A record's fields,
 * accessors and constructor are looked up once per type: the what-if analysis makes such a copy for every
 * variant it tries, and the lookups cost more than the copy.
 */
final class MixedRecords {

    private record Shape(String[] names, MethodHandle[] accessors, MethodHandle constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] fields = type.getRecordComponents();
            String[] names = new String[fields.length];
            MethodHandle[] accessors = new MethodHandle[fields.length];
            Class<?>[] types = new Class<?>[fields.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int f = 0; f < fields.length; f++) {
                    names[f] = fields[f].getName();
                    accessors[f] = lookup.unreflect(fields[f].getAccessor());
                    types[f] = fields[f].getType();
                }
                MethodHandle constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(types))
                        .asSpreader(Object[].class, fields.length);
                return new Shape(names, accessors, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot copy " + type, e);
            }
        }
    };

    private MixedRecords() {
    }

    /**
     * A record of {@code base}'s type with each field that {@code fromOther} names taken from {@code other}, and
     * the rest from {@code base}.
     *
     * @param base  a record
     * @param other a record of the same type
     */
    static Object mix(Object base, Object other, Predicate<String> fromOther) {
        Shape shape = SHAPES.get(base.getClass());
        Object[] values = new Object[shape.names().length];
        try {
            for (int f = 0; f < values.length; f++) {
                values[f] = shape.accessors()[f].invoke(fromOther.test(shape.names()[f]) ? other : base);
            }
            return shape.constructor().invoke(values);
        } catch (RuntimeException | Error e) {
            throw e; // e.g. a record's own check of its values: as thrown
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot copy " + base.getClass(), e);
        }
    }
}
