package dk.visitationadvisor.assessment.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.assessment.AssessmentOutcome;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.assessment.AssessmentService.Trial;
import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.scenarios.Scenario;
import dk.visitationadvisor.scenarios.ScenarioParameters;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A variant that the rule reach says no outcome rule reads is answered with the family's outcome without
 * evaluating: checked against evaluating it, for every value of every field the what-if analysis tries, on
 * every family of test-cases/what-if.
 */
class ReachTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aVariantAnsweredWithoutEvaluatingHasTheOutcomeEvaluatingGives() {
        RuleFiles files = RuleFiles.fromDirectory(WhatIfTest.RULES);
        int skipped = 0;
        int variants = 0;
        for (Path file : Scenario.filesBelow(WhatIfTest.FAMILIES)) {
            Scenario scenario = Scenario.read(file);
            AssessmentService service = new AssessmentService(new LiveRuleSet(new RuleEngine(RuleSetBuilder.build(
                    ScenarioParameters.apply(files, scenario.parameters())))), new Explainer(),
                    Clock.systemDefaultZone(), new InMemoryAssessmentStore(), JSON);
            AssessmentRequest family = scenario.family();
            JsonNode tree = JSON.valueToTree(family);
            Trial pruned = service.trial(family, false);
            pruned.given(family);
            for (String path : fields(family)) {
                FieldPath field = FieldPath.of(path).orElseThrow();
                for (JsonNode value : Domains.of(field, pruned.parameters())) {
                    AssessmentRequest variant = field.set(JSON, tree, value);
                    int before = pruned.evaluations();
                    AssessmentOutcome outcome = pruned.outcome(variant);
                    skipped += pruned.evaluations() == before ? 1 : 0;
                    variants++;
                    // A trial without the family's outcome evaluates every variant.
                    assertThat(outcome).as(file.getFileName() + " " + path + "=" + value)
                            .isEqualTo(service.trial(family, false).outcome(variant));
                }
            }
        }
        assertThat(variants).isGreaterThan(100);
        assertThat(skipped).as("variants answered without evaluating").isPositive();
    }

    private static Set<String> fields(AssessmentRequest family) {
        List<String> paths = new ArrayList<>(CounterfactualSearch.CHANGEABLE);
        paths.addAll(CounterfactualSearch.AUTHORITY);
        paths.addAll(Domains.CUTOFFS.keySet());
        int parents = family.parents() == null ? 0 : family.parents().size();
        for (int parent = 0; parent < parents; parent++) {
            for (String field : List.of("substanceUse", "wantsSubstanceTreatment", "participates",
                    "cognitiveFunction", "mentalIllness", "retentionAgreement", "riskFactors")) {
                paths.add("parents[" + parent + "]." + field);
            }
        }
        Set<String> fields = new LinkedHashSet<>(paths);
        fields.removeIf(path -> FieldPath.of(path).isEmpty());
        return fields;
    }
}
