package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.CognitiveFunction;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Housing;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.Network;
import dk.visitationadvisor.facts.ParentRole;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.Status;
import dk.visitationadvisor.facts.SubstanceUse;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.support.RuleDirectories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A domain expert changes a threshold in parameters.yaml; the next rule set answers differently. */
class ParameterChangeTest {

    static final AssessmentRequest PREGNANT_MOTHER_WITH_TWO_IS_RISK_FACTORS = new AssessmentRequest("K-2026-0042",
            LocalDate.of(2026, 11, 22), new AssessmentRequest.Pregnancy(24), null, 1,
            List.of(new AssessmentRequest.Parent(ParentRole.MOTHER,
                    List.of(RiskFactorType.LOW_MENTALIZATION, RiskFactorType.CHILDHOOD_TRAUMA), SubstanceUse.NONE,
                    null, false, MentalIllness.MILD_MODERATE, CognitiveFunction.NORMAL)),
            new AssessmentRequest.Concern(ConcernLevel.SIGNIFICANT, true, true, false), true, Housing.STABLE,
            Network.LIMITED);

    @TempDir
    Path rules;

    @Test
    void raisingTheRiskFactorThresholdMakesTheFamilyNotEligible() {
        RuleDirectories.copyInto(rules);
        assertThat(intensiveInfantStatus()).isEqualTo(Status.ELIGIBLE);

        RuleDirectories.replace(rules, "parameters.yaml", "    2020-01-01: 2\n", "    2020-01-01: 3\n");

        assertThat(intensiveInfantStatus()).isEqualTo(Status.NOT_ELIGIBLE);
    }

    private Status intensiveInfantStatus() {
        AssessmentService service = new AssessmentService(
                new RuleEngine(RuleSetBuilder.build(RuleFiles.fromDirectory(rules))), new Explainer(),
                Clock.systemDefaultZone());
        return service.assess(PREGNANT_MOTHER_WITH_TWO_IS_RISK_FACTORS, Locale.ENGLISH).programmes().stream()
                .filter(p -> p.programme() == Programme.INTENSIVE_INFANT)
                .findFirst().orElseThrow().status();
    }
}
