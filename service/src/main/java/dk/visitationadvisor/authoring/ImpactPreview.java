package dk.visitationadvisor.authoring;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.authoring.ImpactReport.Change;
import dk.visitationadvisor.authoring.ImpactReport.ChangeCount;
import dk.visitationadvisor.authoring.ImpactReport.ChangedAssessment;
import dk.visitationadvisor.authoring.ImpactReport.NotReplayed;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.system.WorkerPools;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Replays stored assessments against the live rule set and a candidate, and reports which answers the
 * candidate would change. Read-only: nothing is stored, and the live rules stay as they are.
 *
 * <p>Each assessment is answered again with the case history it had: the case's assessments that
 * were on record when it was requested. Both rule sets answer the same input, so a difference is the
 * candidate's doing, not a difference between the rules of then and now.
 */
@Service
public class ImpactPreview {

    private static final Logger log = LoggerFactory.getLogger(ImpactPreview.class);
    private static final Comparator<StoredAssessment> OLDEST_FIRST = Comparator
            .comparing(StoredAssessment::assessmentDate).thenComparing(StoredAssessment::requestedAt)
            .thenComparing(StoredAssessment::id);

    private final AssessmentStore store;
    private final AssessmentService assessments;
    private final LiveRuleSet live;

    private final Candidates candidates;
    /** Replays cases in parallel ({@link WorkerPools}). */
    private final ThreadPoolTaskExecutor workers;
    /** How long one preview may replay; assessments not replayed by then are listed as not replayed. */
    private final Duration timeLimit;

    public ImpactPreview(AssessmentStore store, AssessmentService assessments, LiveRuleSet live,
            Candidates candidates, @Qualifier(WorkerPools.IMPACT_PREVIEW) ThreadPoolTaskExecutor workers,
            @Value("${advisor.rules.check-time-limit:PT2M}") Duration timeLimit) {
        this.store = store;
        this.workers = workers;
        this.assessments = assessments;
        this.live = live;
        this.candidates = candidates;
        this.timeLimit = timeLimit;
    }

    /** The impact of what an author sent; see {@link #preview(RuleSet, LocalDate, LocalDate, int)}. */
    public ImpactReport preview(CandidateRuleSet candidate, LocalDate from, LocalDate to, int limit) {
        return preview(candidates.build(candidate), from, to, limit);
    }

    /**
     * @param from first assessment date to replay, or null
     * @param to last assessment date to replay, or null
     * @param limit how many changed assessments to list; every one is counted
     */
    public ImpactReport preview(RuleSet candidate, LocalDate from, LocalDate to, int limit) {
        long start = System.nanoTime();
        RuleEngine before = live.engine();
        RuleEngine after = new RuleEngine(candidate);
        Set<String> changedParameters = changedParameters(before.ruleSet(), candidate);
        Set<String> changedRules = changedRules(before.ruleSet(), candidate, changedParameters);
        Replay replay = new Replay(before, after, new AnswerDifferences(changedRules), from, to);
        replay.run();

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
        log.info("Impact preview of rule set {} against {}: {} assessments replayed, {} changed, in {} ms",
                candidate.version(), before.ruleSet().version(), replay.replayed.get(), changed.size(), millis);
        return new ImpactReport(before.ruleSet().version(), candidate.version(), from, to, replay.replayed.get(),
                changed.size(), counts, List.copyOf(changedRules), List.copyOf(changedParameters),
                changed.subList(0, Math.min(limit, changed.size())), changed.size() <= limit,
                replay.notReplayed.stream().sorted(Comparator.comparing(NotReplayed::assessmentId)).toList(), millis);
    }

    /** One replay: cases are read one after the other and answered in parallel. */
    private final class Replay {

        private final RuleEngine before;
        private final RuleEngine after;
        private final AnswerDifferences differences;
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
            this.from = from;
            this.to = to;
        }

        void run() {
            // Bounded: the reader waits rather than holding the whole history in memory.
            int bound = workers.getMaxPoolSize() * 8;
            Semaphore inFlight = new Semaphore(bound);
            store.forEachCase(from, to, caseHistory -> {
                inFlight.acquireUninterruptibly();
                try {
                    workers.execute(() -> {
                        try {
                            replayCase(caseHistory);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                } catch (RuntimeException refused) {
                    inFlight.release();
                    throw refused;
                }
            });
            inFlight.acquireUninterruptibly(bound);
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
                log.warn("Assessment {} could not be replayed: {}", stored.id(), e.getClass().getSimpleName());
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
    static Optional<StoredAssessment> previous(List<StoredAssessment> history, StoredAssessment assessment) {
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
