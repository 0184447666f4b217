package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parameter files (one per rules folder) are read strictly: each mistake a domain expert makes is
 * refused with its file and line, and every dated value cites a passage of sources.yaml by its id.
 */
class ParameterCatalogueTest {

    private static final String FILE = "intensive-infant/parameters.yaml";
    private static final SourceCatalogue SOURCES = SourceCatalogue.parse(read("sources.yaml"));
    private static final String ENTRY = """
            intensiveInfant.minimumRiskFactors:
              description: >
                How many of the listed problems the parents must have.
              unit: risk factors
              local: false
              values:
                2020-01-01:
                  value: 2
                  reference:
                    source: is-target-group-risk
                    locator: "»to eller flere af følgende forbundne problematikker«"
                2030-01-01:
                  value: 3
                  reference:
                    source: is-target-group-risk
            """;

    private static String read(String file) {
        try {
            return Files.readString(RuleDirectories.RULES.resolve(file));
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
        assertThatThrownBy(() -> ParameterCatalogue.parse(FILE, yaml, SOURCES))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(FILE);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).contains(message);
                }));
    }

    @Test
    void theLiveParametersAreReadOneFilePerFolderAndAGoodEntryToo() {
        var files = RuleFiles.fromDirectory(RuleDirectories.RULES).parameterFiles();
        assertThat(files).containsOnlyKeys("escalation/parameters.yaml", "family-placement/parameters.yaml",
                "intensive-infant/parameters.yaml", "recommendation/parameters.yaml");
        ParameterCatalogue live = ParameterCatalogue.parse(files, SOURCES);
        assertThat(live.definitions()).hasSizeGreaterThan(50);
        assertThat(live.definitions().get("escalation.missedContactsThreshold").file())
                .isEqualTo("escalation/parameters.yaml");
        ParameterCatalogue entry = ParameterCatalogue.parse(FILE, ENTRY, SOURCES);
        ParameterDefinition risk = entry.definitions().get("intensiveInfant.minimumRiskFactors");
        assertThat(risk.referenceOn(LocalDate.of(2025, 1, 1))).contains(new ParameterReference(
                "is-target-group-risk", "»to eller flere af følgende forbundne problematikker«"));
        assertThat(risk.referenceOn(LocalDate.of(2030, 1, 1))).contains(new ParameterReference(
                "is-target-group-risk", null));
    }

    @Test
    void everyDatedValueOfTheLiveParametersHasItsOwnReference() {
        ParameterCatalogue live = ParameterCatalogue.parse(
                RuleFiles.fromDirectory(RuleDirectories.RULES).parameterFiles(), SOURCES);
        live.definitions().values().forEach(definition -> {
            assertThat(definition.references().keySet()).as(definition.name()).isEqualTo(definition.values().keySet());
            definition.references().values().forEach(reference -> assertThat(reference.source() != null
                    || definition.local()).as(definition.name() + " cites a source or is local policy").isTrue());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a unit after the number|value: 2|value: 13 points|whole number",
            "a decimal comma|value: 2|value: 12,5|whole number",
            "a decimal point|value: 2|value: 2.5|whole number",
            "a future value wrong|value: 3|value: 3 factors|value of 2030-01-01",
            "a value out of range|value: 3|value: 300|between 0 and 20",
            "a date that is not one|2030-01-01:|2030-1-1:|not a date",
            "an unknown field|  local: false|  locale: false|unknown field 'locale'",
            "an unknown unit|  unit: risk factors|  unit: riskfactors|unknown unit",
            "local that is not true or false|  local: false|  local: maybe|true or false",
            "a source not in sources.yaml|source: is-target-group-risk|source: is-target-group-risks|not in sources.yaml",
            "reference text instead of an id|    reference:|    references:|unknown field 'references'",
            "the source's text repeated|locator: |quote: |unknown field 'quote'",
    })
    void aMistakeInAParameterIsRefusedWithItsLine(String mistake, String text, String replacement, String message) {
        // The last occurrence is changed: the future value's, where there are two.
        int at = ENTRY.lastIndexOf(text);
        String yaml = ENTRY.substring(0, at) + replacement + ENTRY.substring(at + text.length());
        refused(yaml, replacement.strip(), message);
    }

    @Test
    void aValueWithoutItsReferenceOrASourceIsRefused() {
        String noReference = ENTRY.substring(0, ENTRY.lastIndexOf("      reference:"));
        refused(noReference, "2030-01-01:", "has no 'reference'");
        String noSource = ENTRY.substring(0, ENTRY.lastIndexOf("        source:")) + "        locator: \"p. 3\"\n";
        refused(noSource, "reference:", "has no 'source'");
    }

    @Test
    void aLocalValueMayRestOnALocatorAlone() {
        String local = ENTRY.replace("local: false", "local: true")
                .replace("        source: is-target-group-risk\n        locator", "        locator");
        assertThat(ParameterCatalogue.parse(FILE, local, SOURCES).definitions()).hasSize(1);
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() {
        String yaml = ENTRY.replace("  unit: risk factors\n", "  unit: risk factors\n  unit: weeks\n");
        refused(yaml, "unit: weeks", "unit");
        refused(ENTRY + "\n" + ENTRY, "intensiveInfant.minimumRiskFactors", "intensiveInfant.minimumRiskFactors");
    }

    @Test
    void aParameterDefinedInTwoFoldersIsRefusedWithTheSecondFilesLine() {
        assertThatThrownBy(() -> ParameterCatalogue.parse(Map.of(FILE, ENTRY, "escalation/parameters.yaml",
                "# moved\n" + ENTRY), SOURCES))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.line()).isPositive();
                    assertThat(p.message()).contains("is also defined in");
                }));
    }

    @Test
    void aParameterFileOutsideAFolderIsRefused() {
        assertThatThrownBy(() -> ParameterCatalogue.parse(Map.of("parameters.yaml", ENTRY), SOURCES))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("rules/<folder>/parameters.yaml")));
    }

    @Test
    void badIndentationIsRefusedWithALine() {
        // A dated value written on one line, as before values had references.
        refused(ENTRY.substring(0, ENTRY.indexOf("    2030-01-01:")) + "    2030-01-01: 3\n", "2030-01-01: 3",
                "must hold 'value' and 'reference'");
        // The value level with its date instead of under it.
        String flat = ENTRY.replace("      value: 3", "    value: 3");
        assertThatThrownBy(() -> ParameterCatalogue.parse(FILE, flat, SOURCES))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
        // The whole entry's fields level with its name.
        String unindented = ENTRY.replace("\n  unit", "\nunit");
        assertThatThrownBy(() -> ParameterCatalogue.parse(FILE, unindented, SOURCES))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
    }

    @Test
    void aConcernLevelMustBeALevel() {
        String yaml = """
                familyPlacement.minimumConcernLevel:
                  description: The lowest level.
                  unit: concern level
                  local: true
                  values:
                    2023-01-01:
                      value: MODERATE
                      reference:
                        source: fa-target-group-concern
                    2031-01-01:
                      value: MEDIUM
                      reference:
                        source: fa-target-group-concern
                """;
        refused(yaml, "MEDIUM", "must be one of");
    }
}
