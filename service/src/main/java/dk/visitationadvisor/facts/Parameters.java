package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values in force on the assessment date, given to the rules as the global
 * {@code params}. Rules read thresholds here instead of writing numbers into conditions. A required
 * parameter that domain experts have not set yet has no value: {@link #isSet} is false and
 * {@link #value} is null, so that a comparison with it never holds and its rule abstains.
 */
public final class Parameters {

    private final Map<String, Object> values;
    private final LocalDate date;

    public Parameters(Map<String, Object> values) {
        this(values, null);
    }

    /** The values in force on a date, which the explanation uses to cite each value's own reference. */
    public Parameters(Map<String, Object> values, LocalDate date) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.date = date;
    }

    /** The date these values are in force on; null when not known. */
    public LocalDate inForceOn() {
        return date;
    }

    /** A whole-number parameter, such as an age limit or a cutoff; null when not set. */
    public Integer value(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    /** A concern-level parameter, such as the lowest level a programme's target group has. */
    public ConcernLevel concernLevel(String name) {
        Object value = values.get(name);
        return value == null ? null : ConcernLevel.valueOf(value.toString());
    }

    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /**
     * The entries for {@code missingInformation} of those of the named parameters that are not set,
     * for a rule that abstains while a cutoff is unset.
     */
    public List<String> unset(String... names) {
        return java.util.Arrays.stream(names).filter(name -> !isSet(name)).map(Abstention::parameter).toList();
    }

    /** The value as written in parameters.yaml; null when not set. */
    public Object get(String name) {
        return values.get(name);
    }
}
