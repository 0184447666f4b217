package dk.visitationadvisor.assessment;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dk.visitationadvisor.assessment.AssessmentRequest.MeasurementsInput;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.PreviousAssessment;
import dk.visitationadvisor.facts.PreviousAssessment.PreviousParent;
import dk.visitationadvisor.facts.Rater;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import dk.visitationadvisor.ruleengine.Evaluation;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleEvaluationException;
import dk.visitationadvisor.ruleengine.RuleReach;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assesses a family: its facts through the rules, and what they concluded into an explained answer
 * ({@link ExplainedAnswers}).
 */
@Service
public class AssessmentService {

    /**
     * Time-ordered ids (UUID version 7): rows are appended to the primary-key index rather than spread over
     * it, which cut a stored assessment's commit cost (docs/performance.md). Still 74 random bits each.
     */
    private static final TimeBasedEpochGenerator ASSESSMENT_IDS = Generators.timeBasedEpochGenerator();

    private final LiveRuleSet rules;
    private final ExplainedAnswers answers;
    private final Clock clock;
    private final AssessmentStore store;
    private final JsonMapper json;

    public AssessmentService(LiveRuleSet rules, Explainer explainer, Clock clock, AssessmentStore store,
            JsonMapper json) {
        this.rules = rules;
        this.answers = new ExplainedAnswers(explainer);
        this.clock = clock;
        this.store = store;
        this.json = json;
    }

    /**
     * Assesses a family against the live rules and the case's previous assessment, and stores the
     * assessment with its exact response before answering: what is answered is on record.
     */
    public AnsweredAssessment assess(AssessmentRequest request, Locale locale, String requestedBy) {
        return assess(request, locale, requestedBy, UnaryOperator.identity());
    }

    /**
     * As {@link #assess(AssessmentRequest, Locale, String)}, with additions to the answer (e.g. the what-if
     * analysis a caller asked for) made before it is stored: what is stored is what is answered.
     */
    public AnsweredAssessment assess(AssessmentRequest request, Locale locale, String requestedBy,
            UnaryOperator<AssessmentResponse> additions) {
        return assess(request, locale, requestedBy, additions, stored -> () -> { });
    }

    /**
     * As {@link #assess(AssessmentRequest, Locale, String, UnaryOperator)}, with what {@code alsoOnRecord}
     * makes of the stored assessment (the request's access-audit entry) written in the same transaction.
     */
    public AnsweredAssessment assess(AssessmentRequest request, Locale locale, String requestedBy,
            UnaryOperator<AssessmentResponse> additions, Function<StoredAssessment, Runnable> alsoOnRecord) {
        LocalDate assessmentDate = assessmentDate(request);
        Answer answer = answer(engine(), request, locale, requestedBy, previous(request, assessmentDate), additions);
        store.save(answer.stored(), answer.ruleSet(), alsoOnRecord.apply(answer.stored()));
        return answer.answered();
    }

    /**
     * The engine of the live rule set, taken once per assessment (or batch): an activation meanwhile
     * does not mix two rule sets in one answer.
     */
    RuleEngine engine() {
        return rules.engine();
    }

    /**
     * Answers a family against the given previous assessment, ready to store but not stored: the
     * batch stores many answers at once.
     */
    Answer answer(RuleEngine engine, AssessmentRequest request, Locale locale, String requestedBy,
            Optional<StoredAssessment> previous) {
        return answer(engine, request, locale, requestedBy, previous, UnaryOperator.identity());
    }

    Answer answer(RuleEngine engine, AssessmentRequest request, Locale locale, String requestedBy,
            Optional<StoredAssessment> previous, UnaryOperator<AssessmentResponse> additions) {
        LocalDate assessmentDate = assessmentDate(request);
        Evaluation evaluation = evaluate(engine, request, assessmentDate, previous);
        AssessmentResponse response = additions.apply(answers.respond(ASSESSMENT_IDS.generate().toString(), request, assessmentDate, evaluation, locale));
        String body = json.writeValueAsString(response);
        MeasurementsInput measurements = request.measurements();
        StoredAssessment stored = new StoredAssessment(response.assessmentId(), request.caseRef(), assessmentDate,
                evaluation.ruleSet().version(), requestedBy, clock.instant(),
                request.concern() == null || request.concern().level() == null ? null : request.concern().level().name(),
                measurements == null ? null : measurements.ors(),
                measurements == null || measurements.orsRater() == null ? null : measurements.orsRater().name(),
                json.writeValueAsString(request), body);
        return new Answer(stored, evaluation.ruleSet(), new AnsweredAssessment(response, body));
    }

    /** An answer and the row that puts it on record, with the rule set that gave it. */
    record Answer(StoredAssessment stored, RuleSet ruleSet, AnsweredAssessment answered) {
    }

    /**
     * The answer an assessment would get, without storing it: for trying "what if" before recording.
     * It has no {@code assessmentId}: nothing is stored under one.
     *
     * @param withHistory against the case's previous assessment; false for a caller who may not learn
     *     what the case history holds, as if the case had none
     */
    public AssessmentResponse preview(AssessmentRequest request, Locale locale, boolean withHistory) {
        return preview(request, locale, withHistory, UnaryOperator.identity());
    }

    /** As {@link #preview(AssessmentRequest, Locale, boolean)}, with additions to the answer. */
    public AssessmentResponse preview(AssessmentRequest request, Locale locale, boolean withHistory,
            UnaryOperator<AssessmentResponse> additions) {
        LocalDate assessmentDate = assessmentDate(request);
        return additions.apply(answers.respond(null, request, assessmentDate, evaluate(engine(), request, assessmentDate,
                withHistory ? previous(request, assessmentDate) : Optional.empty()), locale));
    }

    /**
     * The answer a stored assessment gets from the live rules, not stored: on its own date and against the
     * assessment it was compared with ({@link #before}), with additions (e.g. the what-if analysis).
     */
    public AssessmentResponse preview(StoredAssessment stored, Locale locale,
            UnaryOperator<AssessmentResponse> additions) {
        AssessmentRequest request = json.readValue(stored.requestJson(), AssessmentRequest.class);
        return additions.apply(answers.respond(null, request, stored.assessmentDate(),
                evaluate(engine(), request, stored.assessmentDate(), before(stored)), locale));
    }

    /** A trial of variants of a stored assessment's family: on its date, against what it was compared with. */
    public Trial trial(StoredAssessment stored) {
        return new Trial(engine(), stored.assessmentDate(), before(stored));
    }

    /**
     * The assessment a stored one was compared with: the one before it in its case's timeline (latest
     * date, then latest requested), not itself.
     */
    Optional<StoredAssessment> before(StoredAssessment stored) {
        int size = 100;
        for (int page = 0; ; page++) {
            List<StoredAssessment> timeline = store.timeline(stored.caseRef(), page, size);
            for (int i = 0; i < timeline.size(); i++) {
                if (timeline.get(i).id().equals(stored.id())) {
                    if (i + 1 < timeline.size()) {
                        return Optional.of(timeline.get(i + 1));
                    }
                    List<StoredAssessment> next = store.timeline(stored.caseRef(), page + 1, size);
                    return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0));
                }
            }
            if (timeline.size() < size) {
                return Optional.empty();
            }
        }
    }

    /**
     * A trial of variants of a family: each variant through the live rules against the case history the
     * family has (none when {@code withHistory} is false), giving only its outcome, nothing explained
     * and nothing stored. For asking "what if this fact were different".
     */
    public Trial trial(AssessmentRequest request, boolean withHistory) {
        LocalDate assessmentDate = assessmentDate(request);
        RuleEngine engine = engine();
        // With the bodies when a course runs: a variant may compare its parents with the previous ones.
        Optional<StoredAssessment> previous = !withHistory ? Optional.empty()
                : request.course() != null ? store.latest(request.caseRef(), assessmentDate)
                        : store.latestWithoutBodies(request.caseRef(), assessmentDate);
        return new Trial(engine, assessmentDate, previous);
    }

    /**
     * Variants of one family through one rule set, on one date, against one case history. A variant that
     * differs from the family only in fields that no rule leading to an outcome can read
     * ({@link RuleEngine#reach}) has the family's outcome, and is not evaluated; nor is a variant that differs
     * in that way from one already evaluated.
     */
    public final class Trial {

        private final RuleEngine engine;
        private final LocalDate assessmentDate;
        private final Optional<PreviousAssessment> previous;
        private final Parameters parameters;
        private int evaluations;
        private List<Object> givenFacts;
        private AssessmentOutcome given;
        private RuleReach.Family reach;
        /** The outcomes of the variants evaluated, by their facts as far as they are read. */
        private final Map<List<Object>, AssessmentOutcome> tried = new HashMap<>();

        private Trial(RuleEngine engine, LocalDate assessmentDate, Optional<StoredAssessment> previous) {
            this.engine = engine;
            this.assessmentDate = assessmentDate;
            this.previous = previous.map(AssessmentService.this::asFact);
            this.parameters = engine.ruleSet().parameters().inForceOn(assessmentDate);
        }

        /** The outcome of the family the variants are made from; evaluated once. */
        public AssessmentOutcome given(AssessmentRequest family) {
            if (given == null) {
                givenFacts = FamilyFacts.of(family, assessmentDate, previous);
                evaluations++;
                given = AssessmentOutcome.of(evaluate(engine, givenFacts, assessmentDate));
                reach = engine.reach(givenFacts);
            }
            return given;
        }

        /**
         * The outcome of a variant; its assessment date is the trial's. After {@link #given}, fields that no
         * rule leading to an outcome reads are taken as the family has them: a variant that differs only in
         * such fields has the family's outcome, and variants that differ from each other only in such fields
         * are evaluated once.
         */
        public AssessmentOutcome outcome(AssessmentRequest variant) {
            List<Object> facts = FamilyFacts.of(variant, assessmentDate, previous);
            if (given == null) {
                evaluations++;
                return AssessmentOutcome.of(evaluate(engine, facts, assessmentDate));
            }
            List<Object> reached = reached(facts);
            if (reached == null) {
                evaluations++;
                return AssessmentOutcome.of(evaluate(engine, facts, assessmentDate));
            }
            if (reached.equals(givenFacts)) {
                return given;
            }
            return tried.computeIfAbsent(reached, key -> {
                evaluations++;
                return AssessmentOutcome.of(evaluate(engine, key, assessmentDate));
            });
        }

        /**
         * The facts with every field that no rule leading to an outcome reads as the family has it; null when
         * the variant's facts are not the family's kinds of fact in the same order.
         */
        private List<Object> reached(List<Object> facts) {
            if (facts.size() != givenFacts.size()) {
                return null;
            }
            List<Object> reached = new ArrayList<>(facts.size());
            for (int i = 0; i < facts.size(); i++) {
                Object was = givenFacts.get(i);
                Object is = facts.get(i);
                if (was.equals(is)) {
                    reached.add(was);
                    continue;
                }
                Class<?> type = was.getClass();
                if (type != is.getClass() || !type.isRecord()) {
                    return null;
                }
                reached.add(MixedRecords.mix(was, is, field -> reach.reads(type, field)));
            }
            return reached;
        }

        /** The parameter values in force for the trial's date. */
        public Parameters parameters() {
            return parameters;
        }

        /** How many variants were evaluated so far. */
        public int evaluations() {
            return evaluations;
        }
    }

    /**
     * The case's latest assessment on or before the date, what this one compares with. Its request is
     * read only when a trigger compares parents with it (a parent's active substance use or violence
     * in close relations during a course); otherwise the stored columns do, without the bodies.
     */
    Optional<StoredAssessment> previous(AssessmentRequest request, LocalDate assessmentDate) {
        return comparesParents(request) ? store.latest(request.caseRef(), assessmentDate)
                : store.latestWithoutBodies(request.caseRef(), assessmentDate);
    }

    private static boolean comparesParents(AssessmentRequest request) {
        return request.course() != null && request.parents() != null && request.parents().stream()
                .anyMatch(parent -> parent.substanceUse() == SubstanceUse.ACTIVE_IN_TREATMENT
                        || (parent.riskFactors() != null && parent.riskFactors().contains(RiskFactorType.DOMESTIC_VIOLENCE)));
    }

    /**
     * The answer a stored assessment would get from another rule set, against the case history it was
     * assessed with ({@code previous}): for previewing what a candidate rule set would change.
     */
    public AssessmentResponse replay(StoredAssessment stored, Optional<StoredAssessment> previous, RuleEngine engine,
            Locale locale) {
        AssessmentRequest request = json.readValue(stored.requestJson(), AssessmentRequest.class);
        return answers.respond(stored.id(), request, stored.assessmentDate(),
                evaluate(engine, request, stored.assessmentDate(), previous), locale);
    }

    LocalDate assessmentDate(AssessmentRequest request) {
        return Objects.requireNonNullElseGet(request.assessmentDate(), () -> LocalDate.now(clock));
    }

    /** An answer, and the exact JSON body that was stored and is sent. */
    public record AnsweredAssessment(AssessmentResponse response, String body) {
    }

    /**
     * The family's facts, with the case's previous assessment, through one rule set.
     *
     * @throws RulesFailedException when a rule fails on this family
     */
    private Evaluation evaluate(RuleEngine engine, AssessmentRequest request, LocalDate assessmentDate,
            Optional<StoredAssessment> previous) {
        return evaluate(engine, FamilyFacts.of(request, assessmentDate, previous.map(this::asFact)), assessmentDate);
    }

    private static Evaluation evaluate(RuleEngine engine, List<Object> facts, LocalDate assessmentDate) {
        try {
            return engine.evaluate(facts, assessmentDate);
        } catch (RuleEvaluationException e) {
            throw new RulesFailedException(e);
        }
    }

    /** The earlier assessment as the rules see it; its parents only when its request was read. */
    private PreviousAssessment asFact(StoredAssessment stored) {
        List<PreviousParent> parents = stored.requestJson() == null ? List.of()
                : Objects.requireNonNullElse(json.readValue(stored.requestJson(), AssessmentRequest.class).parents(),
                        List.<AssessmentRequest.ParentInput>of()).stream()
                        .map(parent -> new PreviousParent(parent.substanceUse(), parent.riskFactors()))
                        .toList();
        return new PreviousAssessment(stored.id(), stored.assessmentDate(),
                stored.concernLevel() == null ? null : ConcernLevel.valueOf(stored.concernLevel()), stored.ors(),
                stored.orsRater() == null ? null : Rater.valueOf(stored.orsRater()), parents);
    }
}
