package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Finding;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.Recommendation;
import dk.visitationadvisor.ruleengine.Evaluation;
import dk.visitationadvisor.ruleengine.RuleEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Assesses a family: its facts through the rules, and the findings into an explained recommendation. */
@Service
public class AssessmentService {

    /** The order programmes are listed in: the less intrusive first. */
    private static final List<Programme> PROGRAMME_ORDER = List.of(Programme.INTENSIVE_INFANT,
            Programme.FAMILY_PLACEMENT);

    private static final Comparator<Finding> REASON_ORDER = Comparator.comparing(Finding::kind)
            .thenComparing(Finding::code)
            .thenComparing(Finding::outcome)
            .thenComparing(finding -> finding.facts().toString() + finding.missing());

    private final RuleEngine engine;
    private final Explainer explainer;
    private final Clock clock;

    public AssessmentService(RuleEngine engine, Explainer explainer, Clock clock) {
        this.engine = engine;
        this.explainer = explainer;
        this.clock = clock;
    }

    public AssessmentResponse assess(AssessmentRequest request, Locale locale) {
        LocalDate assessmentDate = Objects.requireNonNullElseGet(request.assessmentDate(), () -> LocalDate.now(clock));
        Evaluation evaluation = engine.evaluate(FamilyFacts.of(request, assessmentDate), assessmentDate);

        List<ProgrammeResult> programmes = PROGRAMME_ORDER.stream()
                .map(programme -> programmeResult(evaluation, programme, locale))
                .toList();
        List<Recommendation> recommendations = evaluation.recommendations().stream()
                .sorted(Comparator.comparing(Recommendation::code).thenComparing(r -> r.facts().toString()))
                .toList();
        List<Reason> recommendationReasons = recommendations.stream()
                .map(r -> explainer.explain(evaluation.ruleSet(), evaluation.parameters(), r.rule(), null, r.facts(),
                        r.missing(), locale))
                .toList();
        TreeSet<String> missing = new TreeSet<>();
        evaluation.findings().forEach(finding -> missing.addAll(finding.missing()));
        recommendations.forEach(recommendation -> missing.addAll(recommendation.missing()));

        return new AssessmentResponse(UUID.randomUUID().toString(), request.caseRef(), assessmentDate,
                evaluation.ruleSet().version(), programmes, recommendedProgramme(recommendations),
                recommendationReasons, List.of(), null, List.of(), List.copyOf(missing), evaluation.firedRules());
    }

    private ProgrammeResult programmeResult(Evaluation evaluation, Programme programme, Locale locale) {
        ProgrammeStatus status = evaluation.statuses().stream()
                .filter(s -> s.programme() == programme)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The status rules gave " + programme + " no status"));
        List<Reason> reasons = evaluation.findings().stream()
                .filter(finding -> finding.programme() == programme)
                .sorted(REASON_ORDER)
                .map(f -> explainer.explain(evaluation.ruleSet(), evaluation.parameters(), f.rule(), f.outcome(),
                        f.facts(), f.missing(), locale))
                .toList();
        return new ProgrammeResult(programme, status.status(), reasons);
    }

    /** The programme all preference rules agree on; none when any of them could not decide. */
    private static Programme recommendedProgramme(List<Recommendation> recommendations) {
        List<Programme> chosen = recommendations.stream().map(Recommendation::programme).distinct().toList();
        return chosen.size() == 1 ? chosen.get(0) : null;
    }
}
