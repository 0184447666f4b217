package dk.visitationadvisor.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A fact taken from the request. It knows its JSON path, so that rules can name the input fields
 * they relied on ({@link #fact}) or found missing ({@link #missing}) without spelling paths out.
 */
public interface InputFact {

    /** The JSON path of this object in the request, e.g. {@code parents[0]}; empty for the top level. */
    String path();

    /** The value of one of this fact's fields, with its path, e.g. {@code concern.level = SIGNIFICANT}. */
    default FactRef fact(String field) {
        return new FactRef(pathOf(field), FieldValues.read(this, field));
    }

    /**
     * The facts of those of the given fields that are known (not null): what a rule cites when one of
     * several conditions made it fire, so that the one that did not is not shown as "unknown".
     */
    default List<FactRef> known(String... fields) {
        List<FactRef> known = new ArrayList<>();
        for (String field : fields) {
            FactRef fact = fact(field);
            if (fact.value() != null) {
                known.add(fact);
            }
        }
        return known;
    }

    /** The paths of those of the given fields that are unknown (null). */
    default List<String> missing(String... fields) {
        List<String> paths = new ArrayList<>();
        for (String field : fields) {
            if (FieldValues.read(this, field) == null) {
                paths.add(pathOf(field));
            }
        }
        return paths;
    }

    default String pathOf(String field) {
        return path().isEmpty() ? field : path() + "." + field;
    }
}
