package dk.visitationadvisor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFixtureTest {

    @TempDir
    Path cases;

    private static final String FIXTURE = """
            assessmentDate: 2026-11-22
            child: { birthDate: 2026-06-22, growthOnTrack: true }
            parents:
              - { role: MOTHER, riskFactors: [CHILDHOOD_TRAUMA], substanceUse: NONE }
            concern: { level: SIGNIFICANT, childSafetyConcern: true, doubtAboutParentingCapacity: true }
            consent: true
            housing: STABLE
            """;

    private Path write(String relative, String text) throws IOException {
        Path file = cases.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path scenario(String family) throws IOException {
        return write("escalation/growth/one.yaml", "name: A family.\nfamily:\n" + family.indent(2) + "expect: {}\n");
    }

    @Test
    void aFamilyExtendsAFixtureAndItsKeysAreLaidOverIt() throws IOException {
        write("fixtures/in-course.yaml", FIXTURE);
        Scenario read = Scenario.read(scenario("""
                extends: in-course
                caseRef: SC-ONE
                concern: { level: MODERATE }
                parents:
                  - { role: FATHER }
                housing: null
                measurements: { srs: 35 }
                """));

        assertThat(read.family().caseRef()).isEqualTo("SC-ONE");
        assertThat(read.family().assessmentDate()).hasToString("2026-11-22");
        assertThat(read.family().child().birthDate()).hasToString("2026-06-22");
        assertThat(read.family().concern().level()).hasToString("MODERATE");
        assertThat(read.family().concern().childSafetyConcern()).as("objects merge key by key").isTrue();
        assertThat(read.family().parents()).as("lists are replaced whole").hasSize(1);
        assertThat(read.family().parents().get(0).role()).hasToString("FATHER");
        assertThat(read.family().parents().get(0).substanceUse()).isNull();
        assertThat(read.family().housing()).as("null makes a field unknown").isNull();
        assertThat(read.family().consent()).isTrue();
        assertThat(read.family().measurements().srs()).isEqualTo(35);
    }

    @Test
    void aFixtureMayExtendAnotherAndHistoryMayExtendOne() throws IOException {
        write("fixtures/base.yaml", FIXTURE);
        write("fixtures/no-housing.yaml", "extends: base\nhousing: NONE\n");
        Path file = write("history/two.yaml", """
                name: A family with history.
                history:
                  - { extends: base, caseRef: SC-TWO, assessmentDate: 2026-10-01 }
                family: { extends: no-housing, caseRef: SC-TWO }
                expect: {}
                """);
        Scenario read = Scenario.read(file);

        assertThat(read.family().housing()).hasToString("NONE");
        assertThat(read.family().consent()).isTrue();
        assertThat(read.history()).hasSize(1);
        assertThat(read.history().get(0).assessmentDate()).hasToString("2026-10-01");
        assertThat(read.history().get(0).housing()).hasToString("STABLE");
    }

    @Test
    void anUnknownFixtureIsRefusedNamingTheFixturesThereAre() throws IOException {
        write("fixtures/in-course.yaml", FIXTURE);
        write("fixtures/at-visitation.yaml", FIXTURE);
        Path file = scenario("extends: in-corse\ncaseRef: SC-ONE\n");

        assertThatThrownBy(() -> Scenario.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one.yaml").hasMessageContaining("'in-corse'")
                .hasMessageContaining("the fixtures are: at-visitation, in-course");
    }

    @Test
    void aFixtureNameThatIsAPathOrACircleIsRefused() throws IOException {
        write("fixtures/a.yaml", "extends: b\n");
        write("fixtures/b.yaml", "extends: a\n");

        assertThatThrownBy(() -> Scenario.read(scenario("extends: ../secret\n")))
                .hasMessageContaining("'extends' must name a fixture");
        assertThatThrownBy(() -> Scenario.read(scenario("extends: a\n")))
                .hasMessageContaining("in a circle: a -> b -> a");
    }

    @Test
    void aKeyWrittenTwiceInAScenarioOrAFixtureIsRefusedWithItsLine() throws IOException {
        assertThatThrownBy(() -> Scenario.read(scenario("caseRef: SC-ONE\nhousing: STABLE\nhousing: NONE\n")))
                .hasMessageContaining("Duplicate Object property \"housing\"").hasMessageContaining("line: 5");
        write("fixtures/twice.yaml", "consent: true\nconsent: false\n");
        assertThatThrownBy(() -> Scenario.read(scenario("extends: twice\n")))
                .hasMessageContaining("Duplicate Object property \"consent\"");
    }

    @Test
    void filesUnderAFixturesFolderAreNotScenarios() throws IOException {
        write("fixtures/in-course.yaml", FIXTURE);
        Path one = scenario("extends: in-course\n");

        assertThat(Scenario.filesBelow(cases)).containsExactly(one);
    }
}
