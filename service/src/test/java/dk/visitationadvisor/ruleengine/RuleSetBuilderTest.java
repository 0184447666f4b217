package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import dk.visitationadvisor.support.CandidateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetBuilderTest {

    static RuleSet repositoryRules;

    @TempDir
    Path copy;

    @BeforeAll
    static void build() {
        repositoryRules = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));
    }

    @Test
    void describesEveryRuleOfTheRepositoryWithItsMetadata() {
        RuleDescription rule = repositoryRules.rule("FA-IN-AGE met: expecting a child, or a child under the age limit, at referral")
                .orElseThrow();
        assertThat(rule.code()).isEqualTo("FA-IN-AGE");
        assertThat(rule.kind()).isEqualTo(RuleKind.INCLUSION);
        assertThat(rule.programme()).isEqualTo(Programme.FAMILY_PLACEMENT);
        assertThat(rule.step()).isEqualTo("criteria");
        assertThat(rule.file()).isEqualTo("family-placement/inclusion.drl");
        assertThat(rule.parameters()).containsExactly("familyPlacement.childAgeLimitMonths");
        assertThat(rule.sources()).containsExactly("fa-target-group-age");
        assertThat(repositoryRules.criteria()).extracting("code")
                .containsExactlyInAnyOrder("FA-IN-AGE", "FA-IN-CONCERN", "FA-IN-RISK", "FA-IN-VOLUNTARY",
                        "IS-IN-CONCERN", "IS-IN-RISK", "IS-IN-STAGE");
    }

    @Test
    void versionIsAHashOfTheContent() throws IOException {
        copyRules();
        String before = RuleFiles.fromDirectory(copy).version();
        assertThat(before).isEqualTo(repositoryRules.version());
        Files.writeString(copy.resolve("escalation/parameters.yaml"), "\n# a comment\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(RuleFiles.fromDirectory(copy).version()).isNotEqualTo(before);
    }

    @Test
    void aBrokenRuleFileIsRefusedWithFileLineAndProblem() throws IOException {
        copyRules();
        Path file = copy.resolve("family-placement/inclusion.drl");
        Files.writeString(file, Files.readString(file).replace("$course : Course( startDate == null )", "$course : Course( ( startDate == null )"));

        assertThatThrownBy(() -> RuleSetBuilder.build(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageMatching("(?s).*family-placement/inclusion\\.drl:\\d+: .*");
    }

    @Test
    void aRuleWithoutMetadataOrWithUnknownReferencesIsRefused() throws IOException {
        copyRules();
        Files.writeString(copy.resolve("family-placement/extra.drl"), """
                package rules.familyplacement;
                import dk.visitationadvisor.facts.*;
                global Parameters params;

                rule "NEW-RULE without texts"
                    @code("NEW-RULE") @programme("FAMILY_PLACEMENT") @kind("INCLUSION") @source("no-such-passage")
                    ruleflow-group "criteria"
                when
                    Child( ageInDays > params.value( "no.such.parameter" ) )
                then
                end

                rule "NEW-RULE in no step"
                    @code("NEW-RULE") @programme("SOMEWHERE") @kind("INCLUSION") @source("fa-visitation")
                    @text_da("x") @text_en("x")
                when
                    Child()
                then
                end
                """);

        assertThatThrownBy(() -> RuleSetBuilder.build(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("family-placement/extra.drl:5: rule \"NEW-RULE without texts\" has no @text_da")
                .hasMessageContaining("@source(\"no-such-passage\") is not in sources.yaml")
                .hasMessageContaining("parameter \"no.such.parameter\" is not defined in any rules/<folder>/parameters.yaml")
                .hasMessageContaining("family-placement/extra.drl:13: rule \"NEW-RULE in no step\" @programme(\"SOMEWHERE\")")
                .hasMessageContaining("ruleflow-group must be one of the steps");
    }

    @Test
    void aParameterFileWithoutReferenceIsRefused() throws IOException {
        copyRules();
        Files.writeString(copy.resolve("family-placement/parameters.yaml"), """
                familyPlacement.childAgeLimitMonths:
                  description: the limit
                  unit: months
                  values:
                    2023-01-01:
                      value: 12
                """);

        assertThatThrownBy(() -> RuleSetBuilder.build(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("family-placement/parameters.yaml:5: parameter 'familyPlacement.childAgeLimitMonths' "
                        + "value of 2023-01-01 has no 'reference'");
    }

    @Test
    void aYamlErrorIsRefusedWithFileAndLine() throws IOException {
        copyRules();
        Files.writeString(copy.resolve("sources.yaml"), """
                fa-target-group-age:
                  document: Indsats for familieanbringelse
                  section: "Målgruppen"
                  quote: a colon: in the middle
                """);

        assertThatThrownBy(() -> RuleSetBuilder.build(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("sources.yaml:4: ");
    }

    @Test
    void aParameterTakesTheValueInForceOnTheAssessmentDate() throws IOException {
        copyRules();
        Files.writeString(copy.resolve(CandidateFiles.IS_PARAMETERS),
                CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2027-01-01"));

        RuleSet ruleSet = RuleSetBuilder.build(RuleFiles.fromDirectory(copy));

        assertThat(ruleSet.parameters().inForceOn(LocalDate.of(2026, 12, 31)).value("intensiveInfant.minimumRiskFactors"))
                .isEqualTo(2);
        assertThat(ruleSet.parameters().inForceOn(LocalDate.of(2027, 1, 1)).value("intensiveInfant.minimumRiskFactors"))
                .isEqualTo(3);
    }

    @Test
    void aDirectoryWithoutRulesIsRefused() throws IOException {
        Files.createDirectories(copy.resolve("escalation"));
        Files.copy(RuleDirectories.RULES.resolve("escalation/parameters.yaml"), copy.resolve("escalation/parameters.yaml"));
        Files.copy(RuleDirectories.RULES.resolve("sources.yaml"), copy.resolve("sources.yaml"));

        assertThatThrownBy(() -> RuleSetBuilder.build(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("No rule files (*.drl) found");
    }

    private void copyRules() {
        RuleDirectories.copyInto(copy);
    }
}
