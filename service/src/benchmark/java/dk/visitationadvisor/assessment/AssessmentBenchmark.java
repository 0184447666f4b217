package dk.visitationadvisor.assessment;

import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.PreviousAssessment;
import dk.visitationadvisor.ruleengine.EmptyRuleBase;
import dk.visitationadvisor.ruleengine.Evaluation;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * One assessment in process, of a typical family (the contract's example, a first assessment) and of
 * the worst case (every risk factor, every measurement, a long case history behind it):
 * <ul>
 * <li>{@code assess}: the whole assessment (previous assessment, facts, rules, explanation, JSON body);
 * storage is left out, it is measured over HTTP;</li>
 * <li>{@code evaluate}: the rules alone;</li>
 * <li>{@code evaluateOnEmptyRuleBase}: the same facts through a rule base without rules, the engine's floor.</li>
 * </ul>
 * Run with {@code mvn -pl service -Pbenchmark verify}: sample mode gives p50/p99, {@code -prof gc} the
 * allocation per assessment ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
public class AssessmentBenchmark {

    /** The worst case's history: one assessment a month for five years. */
    static final int HISTORY_LENGTH = 60;

    @Param({"typical", "worst"})
    public String family;

    private AssessmentRequest request;
    private AssessmentService service;
    private RuleEngine engine;
    private RuleEngine emptyRuleBase;
    private List<Object> facts;

    @Setup
    public void buildRuleSets() {
        request = family.equals("worst") ? Families.WORST_CASE : Families.PREGNANT_MOTHER;
        Path rules = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
        RuleSet ruleSet = RuleSetBuilder.build(RuleFiles.fromDirectory(rules));
        engine = new RuleEngine(ruleSet);
        emptyRuleBase = new RuleEngine(EmptyRuleBase.like(ruleSet));
        HistoryStore store = new HistoryStore(family.equals("worst") ? history(request, ruleSet) : List.of());
        service = new AssessmentService(new LiveRuleSet(engine), new Explainer(), Clock.systemDefaultZone(), store,
                JsonMapper.builder().build());
        Optional<PreviousAssessment> previous = store.latest(request.caseRef(), request.assessmentDate())
                .map(stored -> new PreviousAssessment(stored.id(), stored.assessmentDate(),
                        dk.visitationadvisor.facts.ConcernLevel.valueOf(stored.concernLevel()), stored.ors(),
                        dk.visitationadvisor.facts.Rater.valueOf(stored.orsRater()), List.of()));
        facts = FamilyFacts.of(request, request.assessmentDate(), previous);
    }

    @Benchmark
    public String assess() {
        return service.assess(request, Locale.ENGLISH, "benchmark").body();
    }

    @Benchmark
    public Evaluation evaluate() {
        return engine.evaluate(facts, request.assessmentDate());
    }

    @Benchmark
    public Evaluation evaluateOnEmptyRuleBase() {
        return emptyRuleBase.evaluate(facts, request.assessmentDate());
    }

    /** Monthly assessments before the family's, the latest with concern lower and the ORS higher. */
    private static List<StoredAssessment> history(AssessmentRequest family, RuleSet ruleSet) {
        List<StoredAssessment> history = new ArrayList<>();
        for (int month = 1; month <= HISTORY_LENGTH; month++) {
            LocalDate date = family.assessmentDate().minusMonths(month);
            history.add(new StoredAssessment("history-" + month, family.caseRef(), date, ruleSet.version(),
                    "benchmark", Instant.parse(date + "T10:00:00Z"), "SIGNIFICANT", 30, "STAFF", "{}", "{}"));
        }
        return history;
    }

    /**
     * A case history that stays as it is: the previous assessment is looked up as the service does, but
     * what is saved is only counted, so that every iteration sees the same history.
     */
    static final class HistoryStore implements AssessmentStore {

        private final Map<String, List<StoredAssessment>> newestFirstByCase;
        final AtomicLong saved = new AtomicLong();

        HistoryStore(List<StoredAssessment> newestFirst) {
            this.newestFirstByCase = newestFirst.isEmpty() ? Map.of()
                    : Map.of(newestFirst.get(0).caseRef(), List.copyOf(newestFirst));
        }

        @Override
        public void save(StoredAssessment assessment, RuleSet ruleSet, Runnable alsoInItsTransaction) {
            saved.incrementAndGet();
            alsoInItsTransaction.run();
        }

        @Override
        public Optional<StoredAssessment> find(String id) {
            return Optional.empty();
        }

        /** Replays are not benchmarked here. */
        @Override
        public void forEachCase(LocalDate from, LocalDate to, Consumer<List<StoredAssessment>> handler) {
            throw new UnsupportedOperationException("the benchmark's history is not replayed");
        }

        @Override
        public Optional<StoredAssessment> latest(String caseRef, LocalDate onOrBefore) {
            return newestFirstByCase.getOrDefault(caseRef, List.of()).stream()
                    .filter(a -> !a.assessmentDate().isAfter(onOrBefore))
                    .findFirst();
        }

        @Override
        public List<StoredAssessment> timeline(String caseRef, int page, int size) {
            return newestFirstByCase.getOrDefault(caseRef, List.of()).stream().skip((long) page * size).limit(size)
                    .toList();
        }

        @Override
        public long count(String caseRef) {
            return newestFirstByCase.getOrDefault(caseRef, List.of()).size();
        }
    }
}
