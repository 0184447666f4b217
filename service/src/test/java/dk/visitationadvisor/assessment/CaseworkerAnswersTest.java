package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.ParameterDefinition;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.support.RuleDirectories;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caseworker reads in an answer, beyond what the scenarios assert by code: every number the
 * sources do not give is marked "lokal praksis" where it is shown, a residential stay gets no advice
 * about home visits, and the new parts of the answer (why there is no number of visits, the law
 * beside the source's paragraphs, team and cost) say what they must.
 */
class CaseworkerAnswersTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final RuleSet RULES = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssessmentService service = new AssessmentService(new LiveRuleSet(new RuleEngine(RULES)),
            new Explainer(), Clock.systemDefaultZone(), new InMemoryAssessmentStore(), JSON);

    @Test
    void theNumbersTheReviewNamedAreLocalPolicy() {
        assertThat(Stream.of("intensiveInfant.postnatalVisitsMin", "instruments.epds.cutoffFathers",
                        "instruments.epds.selfHarmUrgentAbove", "intensiveInfant.newParentsChildAgeLimitWeeks",
                        "familyPlacement.dischargePlanByMonths", "familyPlacement.childAgeLimitMonths",
                        "familyPlacement.minimumConcernLevel")
                .map(name -> RULES.parameters().definitions().get(name)))
                .allSatisfy(parameter -> assertThat(parameter.local()).as(parameter.name()).isTrue());
    }

    @Test
    void everyLocalPolicyNumberIsMarkedWhereTheCaseworkerSeesIt() {
        Parameters today = RULES.parameters().inForceOn(LocalDate.now());
        Explainer explainer = new Explainer();
        List<String> unmarked = new ArrayList<>();
        int shown = 0;
        for (RuleDescription rule : RULES.rules().values()) {
            String text = explainer.explain(RULES, today, rule.name(), null, List.of(), List.of(), DANISH).text();
            for (String name : rule.parameters()) {
                ParameterDefinition parameter = RULES.parameters().definitions().get(name);
                if (!parameter.local() || !rule.textDa().contains("{" + name + "}")) {
                    continue;
                }
                shown++;
                boolean marked = text.startsWith("[Lokal praksis] ")
                        || text.contains(today.get(name) + " (lokal praksis)");
                if (!marked) {
                    unmarked.add(rule.name() + ": " + name + " in »" + text + "«");
                }
            }
        }
        assertThat(unmarked).as("local-policy numbers shown without \"lokal praksis\"").isEmpty();
        assertThat(shown).as("local-policy numbers shown in rule texts").isGreaterThan(10);
    }

    @Test
    void phaseFourShowsItsLowerBoundAsLocalPolicy() {
        AssessmentResponse answer = assess("""
                { "caseRef": "T-PHASE-4", "assessmentDate": "2026-11-22",
                  "child": { "birthDate": "2026-11-12", "growthOnTrack": true },
                  "parents": [ %s ], "concern": %s, "consent": true, "housing": "STABLE", "network": "SUPPORTIVE",
                  "course": { "programme": "INTENSIVE_INFANT", "startDate": "2026-09-01", "phase": "INTENSIVE_POSTNATAL",
                              "phaseStartDate": "2026-11-17" },
                  "measurements": { "epds": 10, "epdsRespondent": "FATHER" } }
                """.formatted(MOTHER, CONCERN));
        assertThat(answer.visitPlan().reasons()).extracting(Reason::text)
                .anySatisfy(text -> assertThat(text).contains("mindst 14 (lokal praksis)"));
        assertThat(answer.escalations()).anySatisfy(e -> assertThat(e.text()).contains("10 (lokal praksis)"));
    }

    @Test
    void aResidentialStayGetsNoAdviceAboutHomeVisitsButTheStaysSteps() {
        AssessmentResponse answer = assess("""
                { "caseRef": "T-STAY", "assessmentDate": "2026-11-22",
                  "child": { "birthDate": "2026-07-10", "growthOnTrack": false },
                  "parents": [ %s ], "concern": %s, "consent": true, "housing": "STABLE", "network": "SUPPORTIVE",
                  "course": { "programme": "FAMILY_PLACEMENT", "startDate": "2026-08-01", "phase": "RESIDENTIAL_STAY",
                              "phaseStartDate": "2026-09-15", "dischargePlan": false, "networkAgreements": false },
                  "measurements": { "adbb": 6, "epds": 14, "epdsRespondent": "MOTHER", "careIndexSensitivity": 3 } }
                """.formatted(MOTHER, CONCERN));
        assertThat(answer.escalations()).hasSizeGreaterThanOrEqualTo(3);
        List<String> advice = new ArrayList<>();
        answer.escalations().forEach(e -> advice.add(e.action()));
        answer.followUps().forEach(f -> advice.add(f.text()));
        assertThat(advice).noneMatch(text -> text.contains("besøgene") || text.contains("hjemmebesøg"));
        assertThat(answer.visitPlan().visitsPerWeek()).isNull();
        assertThat(answer.visitPlan().visitsPerWeekReason()).contains("bor familien på døgntilbuddet");
        assertThat(answer.followUps()).extracting(AssessmentResponse.FollowUp::code)
                .contains("FOLLOWUP-PROGRESSION", "FOLLOWUP-DISCHARGE-PLAN", "FOLLOWUP-NETWORK-AGREEMENTS");
    }

    @Test
    void whileTheAuthorityDecidesTheAnswerSaysWhyThereIsNoNumberOfVisits() {
        AssessmentResponse answer = assess("""
                { "caseRef": "T-ACUTE", "assessmentDate": "2026-11-22", "pregnancy": { "gestationalWeek": 24 },
                  "parents": [ %s ],
                  "concern": { "level": "ACUTE", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                               "placementNecessary": false },
                  "consent": true, "housing": "STABLE", "network": "SUPPORTIVE",
                  "course": { "programme": "INTENSIVE_INFANT", "startDate": "2026-10-01", "phase": "PRENATAL",
                              "phaseStartDate": "2026-10-01", "statusLetterSent": false } }
                """.formatted(MOTHER));
        assertThat(answer.recommendedProgramme()).isNull();
        assertThat(answer.visitPlan().phase()).hasToString("PRENATAL");
        assertThat(answer.visitPlan().visitsPerWeek()).isNull();
        assertThat(answer.visitPlan().visitsPerWeekReason()).contains("myndigheden afgør nu");
        assertThat(answer.escalations()).filteredOn(e -> e.code().equals("ESC-ACUTE-SAFETY")).singleElement()
                .satisfies(e -> assertThat(e.action()).contains("ingen af indsatserne anbefales")
                        .doesNotContain("ikke svaret"));
    }

    @Test
    void theLawIsShownBesideTheSourcesParagraphsAsOursToBeConfirmed() {
        AssessmentResponse answer = assess("""
                { "caseRef": "T-LAW", "assessmentDate": "2026-11-22", "pregnancy": { "gestationalWeek": 24 },
                  "parents": [ %s ], "concern": %s, "consent": true, "housing": "STABLE", "network": "SUPPORTIVE" }
                """.formatted(MOTHER, CONCERN));
        assertThat(answer.lawReferences()).extracting(AssessmentResponse.LawReference::code)
                .containsExactly("LAW-CHILDS-PLAN", "LAW-INVESTIGATION", "LAW-SUPPORT-MEASURE");
        assertThat(answer.lawReferences()).allSatisfy(law -> {
            assertThat(law.confirmed()).isFalse();
            assertThat(law.cited()).startsWith("serviceloven §");
            assertThat(law.today()).startsWith("barnets lov §");
            assertThat(law.text()).contains("skal bekræftes");
            assertThat(law.quotes()).isNotEmpty();
        });
        assertThat(answer.resources()).extracting(Reason::text)
                .anySatisfy(text -> assertThat(text).contains("2 familiekonsulenter"))
                .anySatisfy(text -> assertThat(text).contains("32.000 kr. pr. familie pr. måned"));
        assertThat(answer.followUps()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }

    private static final String MOTHER = """
            { "role": "MOTHER", "riskFactors": ["CHILDHOOD_TRAUMA"], "substanceUse": "NONE", "retentionAgreement": false,
              "mentalIllness": "MILD_MODERATE", "cognitiveFunction": "NORMAL" }""";
    private static final String CONCERN = """
            { "level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
              "placementNecessary": false }""";

    private AssessmentResponse assess(String family) {
        return service.assess(JSON.readValue(family, AssessmentRequest.class), DANISH, "test").response();
    }
}
