package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Status;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.support.CandidateFiles;
import java.nio.file.Files;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.support.RuleDirectories;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A domain expert changes a threshold in intensive-infant/parameters.yaml; the next rule set answers differently. */
class ParameterChangeTest {

    @TempDir
    Path rules;

    @Test
    void raisingTheRiskFactorThresholdMakesTheFamilyNotEligible() throws Exception {
        RuleDirectories.copyInto(rules);
        assertThat(intensiveInfantStatus()).isEqualTo(Status.ELIGIBLE);

        Files.writeString(rules.resolve(CandidateFiles.IS_PARAMETERS), CandidateFiles.threeRiskFactorsForIntensiveInfant());

        assertThat(intensiveInfantStatus()).isEqualTo(Status.NOT_ELIGIBLE);
    }

    private Status intensiveInfantStatus() {
        AssessmentService service = new AssessmentService(
                new LiveRuleSet(new RuleEngine(RuleSetBuilder.build(RuleFiles.fromDirectory(rules)))), new Explainer(),
                Clock.systemDefaultZone(), new InMemoryAssessmentStore(), JsonMapper.builder().build());
        return service.assess(Families.PREGNANT_MOTHER, Locale.ENGLISH, "test").response().programmes().stream()
                .filter(p -> p.programme() == Programme.INTENSIVE_INFANT)
                .findFirst().orElseThrow().status();
    }
}
