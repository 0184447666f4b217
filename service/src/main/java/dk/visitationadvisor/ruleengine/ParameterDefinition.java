package dk.visitationadvisor.ruleengine;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One threshold of the rule set, as a domain expert writes it in {@code parameters.yaml}: what it
 * means, where its value comes from, and its values keyed by the date each takes effect.
 *
 * @param local true for a local-policy default ([LOCAL]) that domain experts should confirm
 */
public record ParameterDefinition(String name, String description, String reference, String unit, boolean local,
        NavigableMap<LocalDate, Object> values) {

    /** The value in force on a date: the one with the latest effective date on or before it. */
    public Optional<Object> valueOn(LocalDate date) {
        return Optional.ofNullable(values.floorEntry(date)).map(Map.Entry::getValue);
    }
}
