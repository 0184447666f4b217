package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** parameters.yaml is read strictly: each mistake a domain expert makes is refused with its line. */
class ParameterCatalogueTest {

    private static final String LIVE = read();
    private static final String ENTRY = """
            intensiveInfant.minimumRiskFactors:
              description: >
                How many of the listed problems the parents must have.
              reference: "Den intensive spædeindsats"
              unit: risk factors
              local: false
              values:
                2020-01-01: 2
                2030-01-01: 3
            """;

    private static String read() {
        try {
            return Files.readString(RuleDirectories.RULES.resolve("parameters.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(part);
    }

    private static void refused(String yaml, String part, String message) {
        int line = lineOf(yaml, part);
        assertThatThrownBy(() -> ParameterCatalogue.parse(yaml))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("parameters.yaml");
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).contains(message);
                }));
    }

    @Test
    void theLiveParametersAreReadAndAGoodEntryToo() {
        assertThat(ParameterCatalogue.parse(LIVE).definitions()).hasSizeGreaterThan(50);
        assertThat(ParameterCatalogue.parse(ENTRY).definitions()).containsKey("intensiveInfant.minimumRiskFactors");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a unit after the number|2020-01-01: 2|2020-01-01: 13 points|whole number",
            "a decimal comma|2020-01-01: 2|2020-01-01: 12,5|whole number",
            "a decimal point|2020-01-01: 2|2020-01-01: 2.5|whole number",
            "a future value wrong|2030-01-01: 3|2030-01-01: 3 factors|value of 2030-01-01",
            "a value out of range|2030-01-01: 3|2030-01-01: 300|between 0 and 20",
            "a date that is not one|2030-01-01: 3|2030-1-1: 3|not a date",
            "an unknown field|  local: false|  locale: false|unknown field 'locale'",
            "an unknown unit|  unit: risk factors|  unit: riskfactors|unknown unit",
            "local that is not true or false|  local: false|  local: maybe|true or false",
    })
    void aMistakeInAParameterIsRefusedWithItsLine(String mistake, String text, String replacement, String message) {
        refused(ENTRY.replace(text, replacement), replacement.strip(), message);
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() {
        String yaml = ENTRY.replace("  unit: risk factors\n", "  unit: risk factors\n  unit: weeks\n");
        refused(yaml, "unit: weeks", "unit");
        refused(ENTRY + "\n" + ENTRY, "intensiveInfant.minimumRiskFactors", "intensiveInfant.minimumRiskFactors");
    }

    @Test
    void badIndentationIsRefusedWithALine() {
        // The dated values written level with "values:" instead of under it.
        String flat = ENTRY.replace("    2020-01-01: 2", "  2020-01-01: 2").replace("    2030-01-01: 3", "  2030-01-01: 3");
        assertThatThrownBy(() -> ParameterCatalogue.parse(flat))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
        // The whole entry's fields level with its name.
        String unindented = ENTRY.replace("\n  reference", "\nreference");
        assertThatThrownBy(() -> ParameterCatalogue.parse(unindented))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
    }

    @Test
    void aConcernLevelMustBeALevel() {
        String yaml = """
                familyPlacement.minimumConcernLevel:
                  description: The lowest level.
                  reference: "[LOCAL] x"
                  unit: concern level
                  local: true
                  values:
                    2023-01-01: MODERATE
                    2031-01-01: MEDIUM
                """;
        refused(yaml, "MEDIUM", "must be one of");
    }
}
