package dk.visitationadvisor.assessment;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.ruleengine.Evaluation;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.assessment.whatif.WhatIf;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if analysis against one evaluation, in the same run, so that its cost reads as a ratio:
 * <ul>
 * <li>{@code evaluate}: the rules alone on the ranked family (the unit);</li>
 * <li>{@code rankMissing}: the missing facts of a typical incomplete family (the contract's example with
 * housing, network, consent, the mother's substance use and cognitive function left out: 5 listed, and
 * the instrument scores not measured) ranked;</li>
 * <li>{@code counterfactuals}: the counterfactuals of a family excluded by the partner's active abuse
 * (both programmes not eligible; single changes find them).</li>
 * <li>{@code counterfactualsAuthorityOnly}: the worst case, a family at low concern, where no single change
 * does and every pair is tried before the authority's judgements are;</li>
 * </ul>
 * Run with {@code mvn -pl service -Pbenchmark verify -Djmh.args="WhatIfBenchmark ..."}.
 */
@State(Scope.Benchmark)
public class WhatIfBenchmark {

    static final String INCOMPLETE = """
            {"caseRef": "K-BENCH-RANK", "assessmentDate": "2026-11-22", "pregnancy": {"gestationalWeek": 24},
             "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                          "retentionAgreement": false, "mentalIllness": "MILD_MODERATE"}],
             "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                         "placementNecessary": false},
             "measurements": {"epds": 9, "epdsRespondent": "MOTHER"}}""";
    static final String PARTNER_ABUSE = """
            {"caseRef": "K-BENCH-PARTNER", "assessmentDate": "2026-11-22", "pregnancy": {"gestationalWeek": 24},
             "parents": [{"role": "MOTHER", "riskFactors": ["CHILDHOOD_TRAUMA"], "substanceUse": "NONE",
                          "retentionAgreement": false, "mentalIllness": "MILD_MODERATE", "cognitiveFunction": "REDUCED"},
                         {"role": "FATHER", "riskFactors": ["CRIMINALITY"], "substanceUse": "ACTIVE_NO_TREATMENT",
                          "wantsSubstanceTreatment": false, "retentionAgreement": false, "mentalIllness": "NONE",
                          "cognitiveFunction": "NORMAL"}],
             "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                         "placementNecessary": false},
             "consent": true, "housing": "STABLE", "network": "SUPPORTIVE"}""";

    private AssessmentRequest incomplete;
    private AssessmentRequest partnerAbuse;
    private AssessmentRequest lowConcern;
    private AssessmentResponse incompleteAnswer;
    private AssessmentResponse partnerAnswer;
    private AssessmentResponse lowConcernAnswer;
    private UnaryOperator<AssessmentResponse> ranking;
    private UnaryOperator<AssessmentResponse> counterfactuals;
    private UnaryOperator<AssessmentResponse> authorityOnly;
    private RuleEngine engine;
    private List<Object> facts;

    @Setup
    public void buildRuleSet() {
        JsonMapper json = JsonMapper.builder().build();
        Path rules = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
        engine = new RuleEngine(RuleSetBuilder.build(RuleFiles.fromDirectory(rules)));
        AssessmentService service = new AssessmentService(new LiveRuleSet(engine), new Explainer(),
                Clock.systemDefaultZone(), new AssessmentBenchmark.HistoryStore(List.of()), json);
        WhatIf whatIf = WhatIf.standalone(service, json);
        incomplete = json.readValue(INCOMPLETE, AssessmentRequest.class);
        partnerAbuse = json.readValue(PARTNER_ABUSE, AssessmentRequest.class);
        lowConcern = json.readValue(PARTNER_ABUSE.replace("\"SIGNIFICANT\"", "\"LOW\"")
                .replace("ACTIVE_NO_TREATMENT", "PREVIOUS"), AssessmentRequest.class);
        incompleteAnswer = service.preview(incomplete, Locale.ENGLISH, false);
        partnerAnswer = service.preview(partnerAbuse, Locale.ENGLISH, false);
        lowConcernAnswer = service.preview(lowConcern, Locale.ENGLISH, false);
        ranking = whatIf.additions(incomplete, Locale.ENGLISH, false, new WhatIf.Asked(true, false));
        counterfactuals = whatIf.additions(partnerAbuse, Locale.ENGLISH, false, new WhatIf.Asked(false, true));
        authorityOnly = whatIf.additions(lowConcern, Locale.ENGLISH, false, new WhatIf.Asked(false, true));
        facts = FamilyFacts.of(incomplete, incomplete.assessmentDate(), Optional.empty());
        System.out.printf("ranking: %d evaluations; counterfactuals: %d; authority only: %d%n",
                ranking.apply(incompleteAnswer).rankedMissingInformation().evaluations(),
                counterfactuals.apply(partnerAnswer).counterfactuals().evaluations(),
                authorityOnly.apply(lowConcernAnswer).counterfactuals().evaluations());
    }

    @Benchmark
    public Evaluation evaluate() {
        return engine.evaluate(facts, incomplete.assessmentDate());
    }

    @Benchmark
    public AssessmentResponse rankMissing() {
        return ranking.apply(incompleteAnswer);
    }

    @Benchmark
    public AssessmentResponse counterfactuals() {
        return counterfactuals.apply(partnerAnswer);
    }

    @Benchmark
    public AssessmentResponse counterfactualsAuthorityOnly() {
        return authorityOnly.apply(lowConcernAnswer);
    }
}
