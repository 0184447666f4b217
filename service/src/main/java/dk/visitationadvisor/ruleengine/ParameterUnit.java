package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.ConcernLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The units a parameter may have, each with the type and range of its values: the schema of
 * parameters.yaml. A new unit is a line here, with its name in Danish, and in docs/rule-authoring.md.
 */
enum ParameterUnit {

    MONTHS("months", "måneder", 0, 240),
    WEEKS("weeks", "uger", 0, 520),
    DAYS("days", "dage", 0, 3650),
    GESTATIONAL_WEEK("gestational week", "graviditetsuger", 0, 45),
    VISITS_A_WEEK("visits a week", "besøg om ugen", 0, 50),
    CONTACTS_A_WEEK("contacts a week", "kontakter om ugen", 0, 50),
    MISSED_CONTACTS("missed contacts", "udeblevne kontakter", 0, 100),
    RISK_FACTORS("risk factors", "risikofaktorer", 0, 20),
    ADBB_POINTS("ADBB points", "ADBB-point", 0, 32),
    ASQSE2_POINTS("ASQ:SE-2 points", "ASQ:SE-2-point", 0, 500),
    CARE_INDEX_POINTS("Care Index sensitivity points", "sensitivitetspoint i Care Index", 0, 14),
    EPDS_POINTS("EPDS points", "EPDS-point", 0, 30),
    EPDS_ITEM_POINTS("EPDS item points", "point på ét EPDS-spørgsmål", 0, 3),
    ORS_POINTS("ORS points", "ORS-point", 0, 40),
    SRS_POINTS("SRS points", "SRS-point", 0, 40),
    CONCERN_LEVEL("concern level", "bekymringsniveau", 0, 0);

    private final String unit;
    /** The unit in an author's Danish messages: the authoring page says the checks' words again in Danish. */
    private final String danish;
    private final int min;
    private final int max;

    ParameterUnit(String unit, String danish, int min, int max) {
        this.unit = unit;
        this.danish = danish;
        this.min = min;
        this.max = max;
    }

    static Optional<ParameterUnit> find(String unit) {
        return Arrays.stream(values()).filter(u -> u.unit.equals(unit)).findFirst();
    }

    String danish() {
        return danish;
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
