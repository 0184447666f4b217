package dk.visitationadvisor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.rulesets.ImpactReport.ChangeKind;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.support.CandidateFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The impact preview of a changed threshold over 10,000 stored assessments names exactly the
 * assessments whose answer changes: checked against answering each family directly with the candidate.
 * Each preview runs in a candidate worker, the stored cases streamed to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:impact-preview;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactPreviewIntegrationTest {

    private static final int FAMILIES = 10_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final RiskFactorType[] RISKS = RiskFactorType.values();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AssessmentService assessments;

    @Autowired
    ImpactPreview impact;

    @Autowired
    LiveRuleSet live;

    @Autowired
    JsonMapper json;

    /** What was answered and stored, by assessment id. */
    private final Map<String, AssessmentResponse> answered = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, AssessmentRequest> asked = Collections.synchronizedMap(new TreeMap<>());
    private RuleSet candidate;
    private Map<String, String> candidateFiles;

    @BeforeAll
    void storeTenThousandAssessments() {
        Random random = new Random(20261123);
        List<AssessmentRequest> families = IntStream.range(0, FAMILIES)
                .mapToObj(i -> family(i, random))
                .toList();
        families.parallelStream().forEach(family -> {
            AssessmentResponse response = assessments.assess(family, Locale.ENGLISH, "test").response();
            answered.put(response.assessmentId(), response);
            asked.put(response.assessmentId(), family);
        });
        candidateFiles = new TreeMap<>(live.ruleSet().files());
        candidateFiles.put(CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant());
        candidate = RuleSetBuilder.build(new RuleFiles("candidate", candidateFiles));
    }

    /** The assessments dated from {@code from} to {@code to} that the candidate answers otherwise, found directly. */
    private Set<String> changedDirectly(LocalDate from, LocalDate to) {
        // Directly: each family answered by the candidate, with no case history (one assessment a case).
        AssessmentService direct = new AssessmentService(new LiveRuleSet(new RuleEngine(candidate)), new Explainer(),
                Clock.systemDefaultZone(), new InMemoryAssessmentStore(), json);
        return asked.entrySet().parallelStream()
                .filter(e -> !e.getValue().assessmentDate().isBefore(from) && !e.getValue().assessmentDate().isAfter(to))
                .filter(e -> !outcome(direct.preview(e.getValue(), Locale.ENGLISH, true)).equals(outcome(answered.get(e.getKey()))))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void namesExactlyTheAssessmentsWhoseAnswerChangesAsADirectReevaluationFindsThem() {
        Set<String> expected = changedDirectly(FIRST_DAY, FIRST_DAY.plusDays(300));

        ImpactReport report = impact.preview(CandidateRuleSet.complete(candidateFiles), null, null, null, FAMILIES);
        System.out.printf("Impact preview over %d stored assessments: %d changed, %d ms%n",
                report.assessmentsReplayed(), report.assessmentsChanged(), report.durationMillis());

        assertThat(expected).hasSizeBetween(FAMILIES / 20, FAMILIES - FAMILIES / 20);
        assertThat(report.assessmentsReplayed()).isEqualTo(FAMILIES);
        assertThat(report.notReplayed()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.assessments()).extracting(ImpactReport.ChangedAssessment::assessmentId)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.assessmentsChanged()).isEqualTo(expected.size());
        assertThat(report.changedParameters()).containsExactly("intensiveInfant.minimumRiskFactors");
        assertThat(report.changedRules()).contains("IS-IN-RISK met", "IS-IN-RISK not met");

        // Every change is one the threshold explains: fewer families reach the intensive infant programme.
        assertThat(report.changes()).filteredOn(c -> c.kind() == ChangeKind.STATUS)
                .allSatisfy(c -> {
                    assertThat(c.subject()).isEqualTo("INTENSIVE_INFANT");
                    assertThat(c.before()).isIn("ELIGIBLE", "NEEDS_ASSESSMENT");
                });
        assertThat(report.assessments()).allSatisfy(changed -> assertThat(changed.changes())
                .filteredOn(c -> c.kind() == ChangeKind.STATUS)
                .allSatisfy(c -> assertThat(c.rules()).containsAnyOf("IS-IN-RISK met", "IS-IN-RISK not met")));
        long statusChanges = report.changes().stream().filter(c -> c.kind() == ChangeKind.STATUS)
                .mapToLong(ImpactReport.ChangeCount::assessments).sum();
        assertThat(statusChanges).isPositive();
    }

    @Test
    void replaysOnlyTheAssessmentsDatedInThePeriodAndListsNoMoreThanTheLimit() {
        LocalDate from = FIRST_DAY.plusDays(10);
        LocalDate to = FIRST_DAY.plusDays(19);
        long inPeriod = answered.values().stream()
                .filter(a -> !a.assessmentDate().isBefore(from) && !a.assessmentDate().isAfter(to))
                .count();

        ImpactReport report = impact.preview(CandidateRuleSet.complete(candidateFiles), from, to, null, 5);

        assertThat(report.assessmentsReplayed()).isEqualTo(inPeriod);
        assertThat(report.assessments()).hasSizeLessThanOrEqualTo(5)
                .allSatisfy(a -> assertThat(a.assessmentDate()).isBetween(from, to));
        assertThat(report.complete()).isEqualTo(report.assessmentsChanged() <= 5);
    }

    @Test
    void theLiveRulesAgainstThemselvesChangeNothing() {
        ImpactReport report = impact.preview(CandidateRuleSet.complete(live.ruleSet().files()), FIRST_DAY,
                FIRST_DAY.plusDays(30), null, 100);

        assertThat(report.assessmentsReplayed()).isPositive();
        assertThat(report.assessmentsChanged()).isZero();
        assertThat(report.changedRules()).isEmpty();
    }

    @Test
    void aValueDatedAheadChangesNothingTodayAndOnItsDateWhatTheNewValueChanges() {
        LocalDate from = FIRST_DAY.plusDays(40);
        LocalDate to = FIRST_DAY.plusDays(69);
        // Two risk factors as live, three from 2099: the candidate of the other tests, once 2099 has come.
        Map<String, String> files = new TreeMap<>(live.ruleSet().files());
        files.put(CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2099-01-01"));
        CandidateRuleSet dated = CandidateRuleSet.complete(files);

        ImpactReport today = impact.preview(dated, from, to, null, FAMILIES);
        ImpactReport then = impact.preview(dated, from, to, LocalDate.of(2099, 1, 1), FAMILIES);

        assertThat(today.assessmentsReplayed()).isPositive();
        assertThat(today.assessmentsChanged()).isZero();
        assertThat(today.asOf()).isNull();
        Set<String> expected = changedDirectly(from, to);
        assertThat(expected).isNotEmpty();
        assertThat(then.asOf()).isEqualTo(LocalDate.of(2099, 1, 1));
        assertThat(then.assessmentsReplayed()).isEqualTo(today.assessmentsReplayed());
        assertThat(then.assessments()).extracting(ImpactReport.ChangedAssessment::assessmentId)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(then.changedParameters()).containsExactly("intensiveInfant.minimumRiskFactors");
        // The report names the candidate as sent, not the dated copy its worker judged with.
        assertThat(then.candidateVersion()).isEqualTo(new RuleFiles("candidate", files).version());
    }

    @Test
    void aPeriodWithFewerAssessmentsThanTheMinimumIsRefusedSayingHowManyThereAreAndTheMinimum() {
        LocalDate day = FIRST_DAY.minusDays(1);
        assertThatThrownBy(() -> impact.preview(CandidateRuleSet.complete(candidateFiles), day, day, null, 10))
                .isInstanceOfSatisfying(TooFewAssessmentsException.class, refused -> {
                    assertThat(refused.found()).isZero();
                    assertThat(refused.minimum()).isEqualTo(10);
                });
        // A day of the stored ones holds about 33: at or over the minimum, it is previewed.
        LocalDate stored = FIRST_DAY.plusDays(5);
        long onThatDay = asked.values().stream().filter(a -> a.assessmentDate().equals(stored)).count();
        assertThat(onThatDay).isGreaterThanOrEqualTo(10);
        assertThat(impact.preview(CandidateRuleSet.complete(candidateFiles), stored, stored, null, 10)
                .assessmentsReplayed()).isEqualTo((int) onThatDay);
    }

    /** What a caseworker acts on, compared independently of the preview's own comparison. */
    private static List<String> outcome(AssessmentResponse response) {
        List<String> outcome = new ArrayList<>();
        response.programmes().forEach(p -> outcome.add(p.programme() + "=" + p.status()));
        outcome.add("recommended=" + response.recommendedProgramme());
        response.escalations().stream().map(e -> "escalation " + e.code() + " " + e.severity()).sorted()
                .forEach(outcome::add);
        outcome.add("plan=" + (response.visitPlan() == null ? null
                : response.visitPlan().phase() + " " + response.visitPlan().visitsPerWeek()));
        response.followUps().stream().map(f -> "follow-up " + f.code() + " " + f.due()).sorted()
                .forEach(outcome::add);
        return outcome;
    }

    /** A pregnant mother with between none and four risk factors and other facts at random, some unknown. */
    private static AssessmentRequest family(int i, Random random) {
        List<RiskFactorType> risks = new ArrayList<>(List.of(RISKS));
        Collections.shuffle(risks, random);
        MentalIllness[] illness = MentalIllness.values();
        SubstanceUse[] substance = SubstanceUse.values();
        ConcernLevel[] concern = ConcernLevel.values();
        // Written as the API's JSON, drawing at random in the order the facts have always been drawn.
        ObjectNode family = JSON.createObjectNode().put("caseRef", "IMPACT-" + i)
                .put("assessmentDate", FIRST_DAY.plusDays(i % 300).toString());
        family.putObject("pregnancy").put("gestationalWeek", 12 + random.nextInt(26));
        family.put("olderSiblings", random.nextInt(3));
        ObjectNode mother = family.putArray("parents").addObject().put("role", "MOTHER");
        ArrayNode riskFactors = mother.putArray("riskFactors");
        risks.subList(0, random.nextInt(5)).forEach(risk -> riskFactors.add(risk.name()));
        mother.put("substanceUse", substance[random.nextInt(substance.length)].name())
                .put("retentionAgreement", random.nextBoolean())
                .put("mentalIllness", illness[random.nextInt(illness.length)].name()).put("cognitiveFunction", "NORMAL");
        family.putObject("concern").put("level", concern[random.nextInt(concern.length)].name())
                .put("childSafetyConcern", random.nextBoolean()).put("doubtAboutParentingCapacity", random.nextBoolean())
                .put("placementNecessary", false);
        if (random.nextInt(10) != 0) {
            family.put("consent", true);
        }
        family.put("housing", "STABLE").put("network", "LIMITED");
        return JSON.treeToValue(family, AssessmentRequest.class);
    }
}
