package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentResponse.Escalation;
import dk.visitationadvisor.assessment.AssessmentResponse.FollowUp;
import dk.visitationadvisor.assessment.AssessmentResponse.LawReference;
import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.assessment.AssessmentResponse.VisitPlan;
import dk.visitationadvisor.assessment.AssessmentResponse.VisitsPerWeek;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Abstention;
import dk.visitationadvisor.facts.CurrentPhase;
import dk.visitationadvisor.facts.FactRef;
import dk.visitationadvisor.facts.Finding;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.ProgrammeResource;
import dk.visitationadvisor.facts.Recommendation;
import dk.visitationadvisor.ruleengine.Evaluation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns what the rules concluded in one evaluation into the explained answer: each programme's
 * status with its reasons, the recommendation, escalations, the visit plan, follow-ups, resources,
 * law references and what is missing, in a stable order and in the caller's language.
 */
final class ExplainedAnswers {

    /** The order programmes are listed in: the less intrusive first. */
    private static final List<Programme> PROGRAMME_ORDER = List.of(Programme.INTENSIVE_INFANT,
            Programme.FAMILY_PLACEMENT);

    private static final Comparator<Finding> REASON_ORDER = Comparator.comparing(Finding::kind)
            .thenComparing(Finding::code)
            .thenComparing(Finding::outcome)
            .thenComparing(finding -> finding.facts().toString() + finding.missing());

    private final Explainer explainer;

    ExplainedAnswers(Explainer explainer) {
        this.explainer = explainer;
    }

    /** The answer to one evaluation, under the id it is stored as (null for an answer not stored). */
    AssessmentResponse respond(String assessmentId, AssessmentRequest request, LocalDate assessmentDate,
            Evaluation evaluation, Locale locale) {
        Explanations explain = new Explanations(evaluation, locale);

        List<ProgrammeResult> programmes = PROGRAMME_ORDER.stream()
                .map(programme -> programmeResult(evaluation, programme, explain))
                .toList();
        List<Recommendation> recommendations = evaluation.recommendations().stream()
                .sorted(Comparator.comparing(Recommendation::code).thenComparing(r -> r.facts().toString()))
                .toList();
        List<Reason> recommendationReasons = recommendations.stream()
                .map(r -> explain.reason(r.rule(), null, r.facts(), r.missing()))
                .toList();
        List<Escalation> escalations = evaluation.escalations().stream()
                .sorted(Comparator.comparing((dk.visitationadvisor.facts.Escalation e) -> e.severity()).reversed()
                        .thenComparing(e -> e.code()).thenComparing(e -> e.facts().toString()))
                .map(explain::escalation)
                .toList();
        List<Reason> abstentions = evaluation.abstentions().stream()
                .sorted(Comparator.comparing(Abstention::code).thenComparing(Abstention::rule))
                .map(a -> explain.reason(a.rule(), Outcome.UNKNOWN, a.facts(), a.missing()))
                .toList();
        List<FollowUp> followUps = evaluation.followUps().stream()
                .sorted(Comparator.comparing(dk.visitationadvisor.facts.FollowUp::due)
                        .thenComparing(dk.visitationadvisor.facts.FollowUp::code))
                .map(explain::followUp)
                .toList();
        List<Reason> resources = evaluation.resources().stream()
                .sorted(Comparator.comparing(ProgrammeResource::programme).thenComparing(ProgrammeResource::code))
                .map(r -> explain.reason(r.rule(), null, r.facts(), List.of()))
                .toList();
        List<LawReference> lawReferences = evaluation.lawReferences().stream()
                .sorted(Comparator.comparing(dk.visitationadvisor.facts.LawReference::code))
                .map(explain::lawReference)
                .toList();

        TreeSet<String> missing = new TreeSet<>();
        evaluation.findings().forEach(finding -> missing.addAll(finding.missing()));
        recommendations.forEach(recommendation -> missing.addAll(recommendation.missing()));
        evaluation.abstentions().forEach(abstention -> missing.addAll(abstention.missing()));

        return new AssessmentResponse(assessmentId, request.caseRef(), assessmentDate,
                evaluation.ruleSet().version(), programmes, recommendedProgramme(recommendations),
                recommendationReasons, escalations, visitPlan(evaluation, explain), followUps, resources,
                lawReferences, abstentions, List.copyOf(missing), evaluation.firedRules());
    }

    private static ProgrammeResult programmeResult(Evaluation evaluation, Programme programme, Explanations explain) {
        ProgrammeStatus status = evaluation.statuses().stream()
                .filter(s -> s.programme() == programme)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The status rules gave " + programme + " no status"));
        List<Reason> reasons = evaluation.findings().stream()
                .filter(finding -> finding.programme() == programme)
                .sorted(REASON_ORDER)
                .map(f -> explain.reason(f.rule(), f.outcome(), f.facts(), f.missing()))
                .toList();
        return new ProgrammeResult(programme, status.status(), reasons);
    }

    /** The programme all preference rules agree on; none when any of them could not decide. */
    static Programme recommendedProgramme(List<Recommendation> recommendations) {
        List<Programme> chosen = recommendations.stream().map(Recommendation::programme).distinct().toList();
        return chosen.size() == 1 ? chosen.get(0) : null;
    }

    /** The plan for the phase the rules found, with its range: adjusted when an adjustment applies. */
    private static VisitPlan visitPlan(Evaluation evaluation, Explanations explain) {
        if (evaluation.phases().isEmpty()) {
            return null;
        }
        CurrentPhase phase = evaluation.phases().get(0);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(explain.reason(phase.rule(), null, phase.facts(), List.of()));
        evaluation.planNotes().forEach(note -> reasons.add(explain.reason(note.rule(), null, note.facts(), List.of())));
        evaluation.visitRanges().forEach(range -> reasons.add(explain.reason(range.rule(), null, range.facts(), List.of())));
        reasons.sort(Comparator.comparing(Reason::kind).thenComparing(Reason::code).thenComparing(Reason::rule));
        VisitsPerWeek visits = VisitRanges.inForce(evaluation.visitRanges());
        return new VisitPlan(phase.programme(), phase.phase(), visits,
                visits == null ? whyNoNumber(evaluation, explain) : null, List.copyOf(reasons));
    }

    /** The texts of the rules that left the visits without a number: the phase's, or the adjustment's. */
    private static String whyNoNumber(Evaluation evaluation, Explanations explain) {
        List<String> texts = VisitRanges.deciding(evaluation.visitRanges()).stream()
                .map(range -> explain.reason(range.rule(), null, range.facts(), List.of()).text())
                .distinct()
                .toList();
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    /** Explains statements in one language, against the rule set and parameters of one evaluation. */
    private final class Explanations {

        private final Evaluation evaluation;
        private final Locale locale;

        Explanations(Evaluation evaluation, Locale locale) {
            this.evaluation = evaluation;
            this.locale = locale;
        }

        Reason reason(String rule, Outcome outcome, List<FactRef> facts, List<String> missing) {
            return explainer.explain(evaluation.ruleSet(), evaluation.parameters(), rule, outcome, facts, missing,
                    locale);
        }

        Escalation escalation(dk.visitationadvisor.facts.Escalation escalation) {
            Reason reason = reason(escalation.rule(), null, escalation.facts(), List.of());
            String action = evaluation.ruleSet().rule(escalation.rule()).orElseThrow().action(locale);
            return new Escalation(escalation.code(), escalation.severity(), action, reason.text(), reason.source(),
                    reason.quotes(), reason.facts(), escalation.rule());
        }

        FollowUp followUp(dk.visitationadvisor.facts.FollowUp followUp) {
            Reason reason = reason(followUp.rule(), null, followUp.facts(), List.of());
            return new FollowUp(followUp.code(), followUp.due(), reason.text(), reason.source(), reason.facts(),
                    followUp.rule(), reason.quotes(), reason.localPolicy());
        }

        LawReference lawReference(dk.visitationadvisor.facts.LawReference law) {
            Reason reason = reason(law.rule(), null, law.facts(), List.of());
            return new LawReference(law.code(), law.cited(), law.today(), law.confirmed(), reason.text(),
                    reason.source(), reason.quotes(), law.rule());
        }
    }
}
