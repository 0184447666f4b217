package dk.visitationadvisor.facts;

import java.util.Map;

/**
 * The parameter values in force on the assessment date, given to the rules as the global
 * {@code params}. Rules read thresholds here instead of writing numbers into conditions.
 */
public final class Parameters {

    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** A whole-number parameter, such as an age limit or a number of risk factors. */
    public int value(String name) {
        return ((Number) get(name)).intValue();
    }

    /** A concern-level parameter, such as the lowest level a programme's target group has. */
    public ConcernLevel concernLevel(String name) {
        return ConcernLevel.valueOf(get(name).toString());
    }

    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No value in force for parameter '" + name + "'");
        }
        return value;
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
