package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.rulesets.ImpactReport.Change;
import dk.visitationadvisor.rulesets.ImpactReport.ChangeCount;
import dk.visitationadvisor.rulesets.ImpactReport.ChangedAssessment;
import dk.visitationadvisor.rulesets.ImpactReport.NotReplayed;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.scenarios.InMemoryAssessmentStore;
import dk.visitationadvisor.scenarios.ScenarioParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One impact preview, as a candidate worker runs it: stored assessments answered again with the live
 * rule set and with the candidate, and what the candidate would change. Each assessment is answered
 * with the case history it had: the case's assessments that were on record when it was requested.
 * Both rule sets answer the same input, so a difference is the candidate's doing, not a difference
 * between the rules of then and now.
 */
final class ImpactReplay {

    private static final Comparator<StoredAssessment> OLDEST_FIRST = Comparator
            .comparing(StoredAssessment::assessmentDate).thenComparing(StoredAssessment::requestedAt)
            .thenComparing(StoredAssessment::id);

    /** The stored cases to replay: each case with all its assessments, oldest first, handed to a consumer. */
    interface Cases {
        void forEach(Consumer<List<StoredAssessment>> handler);
    }

    private final RuleFiles live;
    private final RuleFiles candidate;
    private final LocalDate asOf;
    private final Duration timeLimit;

    /**
     * @param asOf the date whose parameter values both rule sets judge every assessment with; null: each
     *     assessment's own date
     * @param timeLimit how long the replay may take; assessments not replayed by then are listed as not replayed
     */
    ImpactReplay(RuleFiles live, RuleFiles candidate, LocalDate asOf, Duration timeLimit) {
        this.live = live;
        this.candidate = candidate;
        this.asOf = asOf;
        this.timeLimit = timeLimit;
    }

    /**
     * @param from first assessment date to replay, or null
     * @param to last assessment date to replay, or null
     * @param limit how many changed assessments to list; every one is counted
     * @throws dk.visitationadvisor.ruleengine.RuleSetException when the candidate does not build
     */
    ImpactReport run(Cases cases, LocalDate from, LocalDate to, int limit) {
        long start = System.nanoTime();
        // The candidate first: its errors are the author's to see.
        RuleSet after = RuleSetBuilder.build(dated(candidate));
        RuleSet before = RuleSetBuilder.build(dated(live));
        Set<String> changedParameters = changedParameters(before, after);
        Set<String> changedRules = changedRules(before, after, changedParameters);
        Replay replay = new Replay(new RuleEngine(before), new RuleEngine(after), new AnswerDifferences(changedRules),
                from, to);
        replay.run(cases);

        List<ChangedAssessment> changed = replay.changed.stream()
                .sorted(Comparator.comparing(ChangedAssessment::assessmentDate)
                        .thenComparing(ChangedAssessment::assessmentId))
                .toList();
        List<ChangeCount> counts = replay.counts.entrySet().stream()
                .map(e -> new ChangeCount(e.getKey().kind(), e.getKey().subject(), e.getKey().before(),
                        e.getKey().after(), e.getValue().sum()))
                .sorted(Comparator.comparingLong(ChangeCount::assessments).reversed()
                        .thenComparing(c -> c.kind().name() + c.subject() + c.before() + c.after()))
                .toList();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new ImpactReport(live.version(), candidate.version(), from, to, asOf, replay.replayed.get(),
                changed.size(), counts, List.copyOf(changedRules), List.copyOf(changedParameters),
                changed.subList(0, Math.min(limit, changed.size())), changed.size() <= limit,
                replay.notReplayed.stream().sorted(Comparator.comparing(NotReplayed::assessmentId)).toList(), millis);
    }

    private RuleFiles dated(RuleFiles files) {
        return asOf == null ? files : ScenarioParameters.asOf(files, asOf);
    }

    /** One replay: cases are read one after the other and answered in parallel. */
    private final class Replay {

        private final RuleEngine before;
        private final RuleEngine after;
        private final AnswerDifferences differences;
        private final AssessmentService assessments;
        private final LocalDate from;
        private final LocalDate to;
        private final AtomicInteger replayed = new AtomicInteger();
        private final ConcurrentLinkedQueue<ChangedAssessment> changed = new ConcurrentLinkedQueue<>();
        private final Map<CountKey, LongAdder> counts = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<NotReplayed> notReplayed = new ConcurrentLinkedQueue<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final Instant deadline = Instant.now().plus(timeLimit);

        Replay(RuleEngine before, RuleEngine after, AnswerDifferences differences, LocalDate from, LocalDate to) {
            this.before = before;
            this.after = after;
            this.differences = differences;
            // Only explains the answers: no case history of its own, since each replay is given its own.
            this.assessments = new AssessmentService(new LiveRuleSet(before), new Explainer(),
                    Clock.systemDefaultZone(), new InMemoryAssessmentStore(), JsonMapper.builder().build());
            this.from = from;
            this.to = to;
        }

        void run(Cases cases) {
            int threads = Runtime.getRuntime().availableProcessors();
            // Bounded: the reader waits rather than holding the whole history in memory. A plain pool: this
            // runs in a candidate's worker process, which has no Spring context to manage or measure one.
            Semaphore inFlight = new Semaphore(threads * 8);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                cases.forEach(caseHistory -> {
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            replayCase(caseHistory);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                });
                inFlight.acquireUninterruptibly(threads * 8);
            } finally {
                pool.shutdownNow();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        private void replayCase(List<StoredAssessment> history) {
            for (StoredAssessment stored : history) {
                if (inPeriod(stored.assessmentDate())) {
                    replayOne(stored, previous(history, stored));
                }
            }
        }

        private void replayOne(StoredAssessment stored, Optional<StoredAssessment> previous) {
            if (Instant.now().isAfter(deadline)) {
                notReplayed.add(new NotReplayed(stored.id(), "TimeLimitReached"));
                return;
            }
            AssessmentResponse was;
            AssessmentResponse is;
            try {
                was = assessments.replay(stored, previous, before, Locale.ENGLISH);
                is = assessments.replay(stored, previous, after, Locale.ENGLISH);
            } catch (RuntimeException e) {
                // Only the kind of failure: its message may quote the stored input.
                notReplayed.add(new NotReplayed(stored.id(), e.getClass().getSimpleName()));
                return;
            }
            replayed.incrementAndGet();
            List<Change> changes = differences.between(was, is);
            if (!changes.isEmpty()) {
                changed.add(new ChangedAssessment(stored.id(), stored.assessmentDate(), stored.rulesetVersion(),
                        changes));
                changes.stream()
                        .map(c -> new CountKey(c.kind(), c.subject(), c.before(), c.after()))
                        .distinct()
                        .forEach(key -> counts.computeIfAbsent(key, k -> new LongAdder()).increment());
            }
        }

        private boolean inPeriod(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    /**
     * What the case history held when an assessment was requested: the latest of the case's
     * assessments dated on or before it and requested before it.
     */
    private static Optional<StoredAssessment> previous(List<StoredAssessment> history, StoredAssessment assessment) {
        return history.stream()
                .filter(earlier -> !earlier.assessmentDate().isAfter(assessment.assessmentDate())
                        && earlier.requestedAt().isBefore(assessment.requestedAt()))
                .max(OLDEST_FIRST);
    }

    private record CountKey(ImpactReport.ChangeKind kind, String subject, String before, String after) {
    }

    private static Set<String> changedParameters(RuleSet live, RuleSet candidate) {
        Set<String> names = new HashSet<>(live.parameters().definitions().keySet());
        names.addAll(candidate.parameters().definitions().keySet());
        Set<String> changed = new TreeSet<>();
        for (String name : names) {
            var was = live.parameters().definitions().get(name);
            var is = candidate.parameters().definitions().get(name);
            if (was == null || is == null || !Objects.equals(was.values(), is.values())) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static Set<String> changedRules(RuleSet live, RuleSet candidate, Set<String> changedParameters) {
        Set<String> names = new HashSet<>(live.rules().keySet());
        names.addAll(candidate.rules().keySet());
        Set<String> changed = new TreeSet<>();
        for (String name : names) {
            Optional<RuleDescription> was = live.rule(name);
            Optional<RuleDescription> is = candidate.rule(name);
            if (was.isEmpty() || is.isEmpty() || !was.get().definition().equals(is.get().definition())
                    || is.get().parameters().stream().anyMatch(changedParameters::contains)) {
                changed.add(name);
            }
        }
        return changed;
    }
}
