package dk.visitationadvisor.ruleengine;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One threshold of the rule set, as a domain expert writes it in {@code rules/<folder>/parameters.yaml}:
 * what it means, and its values keyed by the date each takes effect, each with its own reference.
 *
 * @param file the parameter file that defines it, e.g. {@code escalation/parameters.yaml}
 * @param local true for a local-policy default that domain experts should confirm
 * @param values the values by the date each takes effect
 * @param references the reference of each dated value, by the same dates
 */
public record ParameterDefinition(String name, String file, String description, String unit, boolean local,
        NavigableMap<LocalDate, Object> values, NavigableMap<LocalDate, ParameterReference> references) {

    /** The value in force on a date: the one with the latest effective date on or before it. */
    public Optional<Object> valueOn(LocalDate date) {
        return Optional.ofNullable(values.floorEntry(date)).map(Map.Entry::getValue);
    }

    /** The reference of the value in force on a date. */
    public Optional<ParameterReference> referenceOn(LocalDate date) {
        return Optional.ofNullable(references.floorEntry(date)).map(Map.Entry::getValue);
    }
}
