package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentService.Answer;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.platform.storage.StorageFailures;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.ruleengine.RuleEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assesses many families at once, for other systems (a municipality's nightly re-assessment, a
 * statistics run): evaluated in parallel on a bounded pool of workers ({@link BatchWorkers}), all
 * against one rule set, and stored in chunks of one transaction each.
 *
 * <p>The families of one case are assessed one after another, in the order given, each against the
 * one before it: as if they had been sent one by one. Different cases run in parallel.
 */
@Service
public class BatchAssessments {

    private static final Logger log = LoggerFactory.getLogger(BatchAssessments.class);
    private static final Comparator<StoredAssessment> NEWEST = Comparator.comparing(StoredAssessment::assessmentDate)
            .thenComparing(StoredAssessment::requestedAt);

    private final AssessmentService assessments;
    private final AssessmentStore store;
    private final TransactionTemplate transactions;
    private final ThreadPoolTaskExecutor workers;
    private final int chunkSize;

    public BatchAssessments(AssessmentService assessments, AssessmentStore store, PlatformTransactionManager transactions,
            @Qualifier(BatchWorkers.BATCH_ASSESSMENT) ThreadPoolTaskExecutor workers,
            @Value("${advisor.batch.chunk-size:500}") int chunkSize) {
        this.assessments = assessments;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.workers = workers;
        this.chunkSize = Math.max(1, chunkSize);
    }

    /**
     * What became of one family: its answer, stored; or why it has none (logged, without the family's
     * data), which fails no other.
     */
    public sealed interface Outcome {

        /**
         * Assessed and stored: its id and its answer as stored.
         *
         * @param replayed stored by an earlier request with the same idempotency key, and answered as then
         */
        record Stored(String assessmentId, String body, boolean replayed) implements Outcome {
        }

        /**
         * Not assessed or not stored, so nothing is on record for it.
         *
         * @param temporary the case history could not be reached: the same family may succeed later
         */
        record Failed(boolean temporary) implements Outcome {
        }
    }

    /**
     * Assesses and stores every family; the outcome at each position is that family's. A caller with
     * more families than fit in memory at once calls this for one part after another: a case's
     * families in a later part are assessed against those stored from an earlier one.
     */
    public List<Outcome> assessAll(List<AssessmentRequest> families, Locale locale, String requestedBy) {
        return assessAll(families, locale, requestedBy, stored -> { });
    }

    /**
     * As {@link #assessAll(List, Locale, String)}, with {@code alsoOnRecord} given the families stored
     * together (assessment id by position in {@code families}) and run in their transaction: committed
     * with them or not at all.
     */
    List<Outcome> assessAll(List<AssessmentRequest> families, Locale locale, String requestedBy,
            Consumer<Map<Integer, String>> alsoOnRecord) {
        RuleEngine engine = assessments.engine();
        Answer[] answers = new Answer[families.size()];
        Map<String, List<Integer>> byCase = new LinkedHashMap<>();
        for (int i = 0; i < families.size(); i++) {
            byCase.computeIfAbsent(families.get(i).caseRef(), caseRef -> new ArrayList<>()).add(i);
        }
        List<Future<?>> cases = new ArrayList<>(byCase.size());
        for (List<Integer> positions : byCase.values()) {
            cases.add(workers.submit(() -> assessCase(engine, families, positions, answers, locale, requestedBy)));
        }
        for (Future<?> assessed : cases) {
            await(assessed);
        }
        List<Outcome> results = new ArrayList<>(answers.length);
        for (int from = 0; from < answers.length; from += chunkSize) {
            Answer[] chunk = Arrays.copyOfRange(answers, from, Math.min(answers.length, from + chunkSize));
            boolean[] unavailable = storeChunk(engine, chunk, from, alsoOnRecord);
            for (int i = 0; i < chunk.length; i++) {
                results.add(chunk[i] != null
                        ? new Outcome.Stored(chunk[i].stored().id(), chunk[i].answered().body(), false)
                        : new Outcome.Failed(unavailable[i]));
            }
        }
        return results;
    }

    /** One case's families in order, each against the latest assessment before it, stored or in this batch. */
    private void assessCase(RuleEngine engine, List<AssessmentRequest> families, List<Integer> positions,
            Answer[] answers, Locale locale, String requestedBy) {
        List<StoredAssessment> earlierInBatch = new ArrayList<>();
        for (int position : positions) {
            AssessmentRequest family = families.get(position);
            try {
                LocalDate date = assessments.assessmentDate(family);
                Optional<StoredAssessment> previous = Stream.concat(
                                assessments.previous(family, date).stream(),
                                earlierInBatch.stream().filter(earlier -> !earlier.assessmentDate().isAfter(date)))
                        .max(NEWEST);
                Answer answer = assessments.answer(engine, family, locale, requestedBy, previous);
                answers[position] = answer;
                earlierInBatch.add(answer.stored());
            } catch (RuntimeException e) {
                log.error("Batch assessment {} could not be assessed", position, e);
            }
        }
    }

    /**
     * A chunk in one transaction; when that fails, each on its own, so that one bad row fails only
     * itself. A family not stored is set to null; the answer says which of those failed because the
     * case history could not be reached, or may be stored if sent again: a family whose idempotency key
     * a retry of the same batch, sent at the same time, stored meanwhile, is answered from it if sent again.
     *
     * @param first the chunk's first position in the batch
     */
    private boolean[] storeChunk(RuleEngine engine, Answer[] chunk, int first, Consumer<Map<Integer, String>> alsoOnRecord) {
        boolean[] unavailable = new boolean[chunk.length];
        List<StoredAssessment> rows = Arrays.stream(chunk).filter(a -> a != null).map(Answer::stored).toList();
        Map<Integer, String> ids = new HashMap<>();
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] != null) {
                ids.put(first + i, chunk[i].stored().id());
            }
        }
        try {
            transactions.executeWithoutResult(status -> {
                store.saveAll(rows, engine.ruleSet());
                alsoOnRecord.accept(ids);
            });
            return unavailable;
        } catch (RuntimeException e) {
            if (StorageFailures.isUnavailable(e)) {
                log.warn("The case history is unavailable ({}); {} batch assessments not stored",
                        e.getClass().getSimpleName(), rows.size());
                for (int i = 0; i < chunk.length; i++) {
                    unavailable[i] = chunk[i] != null;
                    chunk[i] = null;
                }
                return unavailable;
            }
            log.warn("A chunk of {} batch assessments could not be stored at once; storing them one by one",
                    rows.size(), e);
        }
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] != null) {
                Map<Integer, String> one = Map.of(first + i, chunk[i].stored().id());
                try {
                    store.save(chunk[i].stored(), engine.ruleSet(), () -> alsoOnRecord.accept(one));
                } catch (RuntimeException e) {
                    log.error("Batch assessment {} could not be stored", chunk[i].stored().id(), e);
                    unavailable[i] = StorageFailures.isUnavailable(e) || e instanceof DuplicateKeyException;
                    chunk[i] = null;
                }
            }
        }
        return unavailable;
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while assessing a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A batch worker failed", e.getCause());
        }
    }
}
