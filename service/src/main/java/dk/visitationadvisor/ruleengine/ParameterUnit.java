package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.ConcernLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The units a parameter may have, each with the type and range of its values: the schema of
 * parameters.yaml. A new unit is a line here and in docs/rule-authoring.md.
 */
enum ParameterUnit {

    MONTHS("months", 0, 240),
    WEEKS("weeks", 0, 520),
    DAYS("days", 0, 3650),
    GESTATIONAL_WEEK("gestational week", 0, 45),
    VISITS_A_WEEK("visits a week", 0, 50),
    CONTACTS_A_WEEK("contacts a week", 0, 50),
    MISSED_CONTACTS("missed contacts", 0, 100),
    RISK_FACTORS("risk factors", 0, 20),
    ADBB_POINTS("ADBB points", 0, 32),
    ASQSE2_POINTS("ASQ:SE-2 points", 0, 500),
    CARE_INDEX_POINTS("Care Index sensitivity points", 0, 14),
    EPDS_POINTS("EPDS points", 0, 30),
    EPDS_ITEM_POINTS("EPDS item points", 0, 3),
    ORS_POINTS("ORS points", 0, 40),
    SRS_POINTS("SRS points", 0, 40),
    CONCERN_LEVEL("concern level", 0, 0);

    private final String unit;
    private final int min;
    private final int max;

    ParameterUnit(String unit, int min, int max) {
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    static Optional<ParameterUnit> find(String unit) {
        return Arrays.stream(values()).filter(u -> u.unit.equals(unit)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(u -> u.unit).toList();
    }

    /** What is wrong with a value of this unit, if anything. */
    Optional<String> check(JsonNode value) {
        if (this == CONCERN_LEVEL) {
            boolean known = value.isString()
                    && Arrays.stream(ConcernLevel.values()).anyMatch(level -> level.name().equals(value.asString()));
            return known ? Optional.empty() : Optional.of("must be one of " + Arrays.toString(ConcernLevel.values())
                    + ", found \"" + value.asString("") + "\"");
        }
        if (!value.isIntegralNumber()) {
            return Optional.of("must be a whole number of " + unit + " without a unit or a decimal comma, found \""
                    + value.asString(value.toString()) + "\"");
        }
        long number = value.asLong();
        return number < min || number > max
                ? Optional.of("must be between " + min + " and " + max + " " + unit + ", found " + number)
                : Optional.empty();
    }
}
