package dk.visitationadvisor.assessment.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.assessment.AnswerAdditions;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.Consequence;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactual;
import dk.visitationadvisor.assessment.AssessmentResponse.MissingFact;
import dk.visitationadvisor.assessment.AssessmentResponse.RankedMissingInformation;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.scenarios.Scenario;
import dk.visitationadvisor.scenarios.ScenarioParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The what-if analysis on the real rules, for the families of test-cases/what-if. */
class WhatIfTest {

    static final Path RULES = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
    static final Path FAMILIES = Path.of(System.getProperty("advisor.scenarios.directory", "../test-cases"))
            .resolve("what-if");
    static final Locale DANISH = Locale.forLanguageTag("da");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Built once per parameter variant: a build takes seconds. */
    private static final Map<JsonNode, RuleSet> RULE_SETS = new HashMap<>();
    private static RuleFiles files;

    @BeforeAll
    static void readRules() {
        files = RuleFiles.fromDirectory(RULES);
    }

    private static Scenario family(String file) {
        return Scenario.read(FAMILIES.resolve(file));
    }

    private static AssessmentService service(Scenario scenario) {
        RuleSet ruleSet = RULE_SETS.computeIfAbsent(scenario.parameters(),
                parameters -> RuleSetBuilder.build(ScenarioParameters.apply(files, parameters)));
        return new AssessmentService(new LiveRuleSet(new RuleEngine(ruleSet)), new Explainer(),
                Clock.systemDefaultZone(), new InMemoryAssessmentStore(), JSON);
    }

    private static AssessmentResponse answer(String file, AnswerAdditions.Asked asked, Locale locale) {
        Scenario scenario = family(file);
        AssessmentService service = service(scenario);
        return service.preview(scenario.family(), locale, true,
                WhatIf.standalone(service, JSON).additions(scenario.family(), locale, true, asked));
    }

    @Test
    void housingThatAloneDecidesIsRankedFirstWithEachValuesRecommendation() {
        AssessmentResponse answer = answer("rank-housing-decides.yaml", new AnswerAdditions.Asked(true, false), DANISH);

        RankedMissingInformation ranked = answer.rankedMissingInformation();
        MissingFact housing = ranked.facts().get(0);
        assertThat(housing.field()).isEqualTo("housing");
        assertThat(housing.consequence()).isEqualTo(Consequence.DECIDES_RECOMMENDATION);
        assertThat(housing.listed()).isTrue();
        assertThat(housing.values()).extracting(v -> v.value()).containsExactly("STABLE", "UNSTABLE", "NONE");
        assertThat(housing.values().get(2).changes())
                .anySatisfy(c -> assertThat(c.aspect() + "=" + c.to()).isEqualTo("recommendedProgramme=FAMILY_PLACEMENT"));
        assertThat(housing.values().get(0).changes())
                .anySatisfy(c -> assertThat(c.aspect() + "=" + c.to()).isEqualTo("recommendedProgramme=INTENSIVE_INFANT"));
        assertThat(housing.label()).isEqualTo("Bolig");
        assertThat(housing.text()).startsWith("Afgør alene anbefalingen").contains("Ingen bolig giver anbefaling Familieanbringelse");
        assertThat(housing.howToObtain()).contains("Spørg forældrene");
        // The unmeasured ADBB: not missing information, tried, changes nothing, last.
        MissingFact adbb = ranked.facts().get(ranked.facts().size() - 1);
        assertThat(adbb.field()).isEqualTo("measurements.adbb");
        assertThat(adbb.listed()).isFalse();
        assertThat(adbb.consequence()).isEqualTo(Consequence.NONE);
        assertThat(adbb.howToObtain()).contains("ADBB");
        // missingInformation keeps its content; the ranking counts every evaluation, the answer's own too.
        assertThat(answer.missingInformation()).containsExactly("housing");
        int tried = ranked.facts().stream().mapToInt(f -> f.values().size()).sum();
        assertThat(ranked.evaluations()).isEqualTo(tried + 1);
        assertThat(ranked.cutShort()).isFalse();
    }

    @Test
    void nothingIsAddedUnlessAskedFor() {
        AssessmentResponse answer = answer("rank-housing-decides.yaml", AnswerAdditions.Asked.NOTHING, DANISH);

        assertThat(answer.rankedMissingInformation()).isNull();
        assertThat(answer.counterfactuals()).isNull();
        assertThat(JSON.writeValueAsString(answer)).doesNotContain("rankedMissingInformation", "counterfactuals");
    }

    @Test
    void aRankingCutShortSaysSoAndLeavesTheRestNotTried() {
        Scenario scenario = family("rank-housing-decides.yaml");
        AssessmentService service = service(scenario);
        AssessmentResponse answer = service.preview(scenario.family(), DANISH, true);

        RankedMissingInformation ranked = MissingFactRanking.rank(scenario.family(), answer.missingInformation(),
                service.trial(scenario.family(), true), new Budget(2, Duration.ofSeconds(5)), JSON,
                new Texts(WhatIf.bundledMessages(), DANISH));

        assertThat(ranked.cutShort()).isTrue();
        assertThat(ranked.evaluations()).isEqualTo(3);
        assertThat(ranked.facts()).extracting(MissingFact::consequence).contains(Consequence.NOT_TRIED);
        assertThat(ranked.facts()).filteredOn(f -> f.consequence() == Consequence.NOT_TRIED)
                .allSatisfy(f -> assertThat(f.text()).contains("tidsrammen"));
    }

    @Test
    void partnerOnlyAbuseIsLiftedByThePartnerNotTakingPart() {
        AssessmentResponse answer = answer("counterfactual-partner-abuse.yaml", new AnswerAdditions.Asked(false, true), DANISH);

        Counterfactual infant = outcome(answer, Programme.INTENSIVE_INFANT, "ELIGIBLE");
        assertThat(infant.now()).isEqualTo("NOT_ELIGIBLE");
        assertThat(infant.onlyAuthorityDecides()).isFalse();
        assertThat(infant.changes()).allSatisfy(set -> assertThat(set.facts()).hasSize(1));
        assertThat(infant.text()).startsWith("Den intensive spædeindsats ville være relevant, hvis ")
                .contains("Forælder 2 · Deltager forælderen i indsatsen? var nej");
    }

    @Test
    void lowConcernAndAcuteDangerAreTheAuthoritysToChange() {
        for (String file : List.of("counterfactual-low-concern.yaml", "counterfactual-acute.yaml")) {
            AssessmentResponse answer = answer(file, new AnswerAdditions.Asked(false, true), DANISH);

            assertThat(answer.counterfactuals().outcomes()).as(file).isNotEmpty().allSatisfy(c -> {
                assertThat(c.changes()).isEmpty();
                assertThat(c.onlyAuthorityDecides()).isTrue();
                assertThat(c.text()).contains("kun myndighedens egen vurdering");
            });
            assertThat(answer.counterfactuals().cutShort()).isFalse();
        }
    }

    @Test
    void counterfactualsChangeOnlyWhatAFamilyOrAMeasureCanChange() {
        List<String> changed = new ArrayList<>();
        for (Path file : Scenario.filesBelow(FAMILIES)) {
            AssessmentResponse answer = answer(file.getFileName().toString(), new AnswerAdditions.Asked(false, true),
                    Locale.ENGLISH);
            answer.counterfactuals().outcomes().forEach(c -> c.changes()
                    .forEach(set -> set.facts().forEach(f -> changed.add(f.field().replaceAll("\\[\\d+]", "")))));
        }
        List<String> changeable = new ArrayList<>(CounterfactualSearch.CHANGEABLE);
        CounterfactualSearch.CHANGEABLE_PER_PARENT.forEach(f -> changeable.add("parents." + f));
        assertThat(changed).isNotEmpty().allSatisfy(field -> assertThat(changeable).contains(field));
    }

    @Test
    void aRaisedVisitPlanNamesTheScoreThatWouldLetItDown() {
        AssessmentResponse answer = answer("counterfactual-in-treatment.yaml", new AnswerAdditions.Asked(false, true),
                Locale.ENGLISH);

        Counterfactual visits = outcome(answer, Programme.INTENSIVE_INFANT, "FEWER_VISITS");
        assertThat(visits.changes()).anySatisfy(set -> {
            assertThat(set.facts()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("measurements.epds");
                assertThat(f.from()).isEqualTo("14");
                assertThat(f.to()).isEqualTo("10");
            });
            assertThat(set.result()).isEqualTo("3-5");
        });
    }

    private static Counterfactual outcome(AssessmentResponse answer, Programme programme, String target) {
        return answer.counterfactuals().outcomes().stream()
                .filter(c -> c.programme() == programme && c.target().equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no " + target + " for " + programme + " in "
                        + answer.counterfactuals()));
    }
}
