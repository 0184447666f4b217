package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentService.Answer;
import dk.visitationadvisor.assessment.BatchAssessments.Outcome;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.IdempotencyKeys;
import dk.visitationadvisor.casehistory.StoredAssessment;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments sent with an {@code Idempotency-Key}: a caller that retries after a lost answer (a
 * timeout, a dropped connection) gets the assessment stored the first time, not a second one. The
 * same key with another request is refused; keys are per caller.
 *
 * <p>A batch's key is kept per family it stored, with that family's case: a batch spans many cases
 * and belongs to none, and erasing one of them must leave nothing of it behind. A retried batch answers
 * the families stored before as stored, and assesses those that were not (invalid, failed, or not
 * reached when the connection dropped). Batch keys and single keys are apart: the same key may be
 * used for one of each.
 */
@Service
public class IdempotentAssessments {

    private final AssessmentService assessments;
    private final BatchAssessments batches;
    private final AssessmentStore store;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    IdempotentAssessments(AssessmentService assessments, BatchAssessments batches, AssessmentStore store,
            IdempotencyKeys keys, PlatformTransactionManager transactions, JsonMapper json) {
        this.assessments = assessments;
        this.batches = batches;
        this.store = store;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * The assessment the key stored before, or a new one stored with the key, in one transaction.
     * A retry gets the answer stored the first time, with what was added to it then ({@code additions}).
     * What {@code alsoOnRecord} makes of a new assessment is written in the same transaction.
     *
     * @throws IdempotencyKeyReusedException when the key stored an assessment of another request
     */
    public Keyed assess(AssessmentRequest request, Locale locale, String requestedBy, String key,
            UnaryOperator<AssessmentResponse> additions, Function<StoredAssessment, Runnable> alsoOnRecord) {
        String requestHash = sha256(json.writeValueAsString(request));
        Optional<Keyed> earlier = earlier(requestedBy, key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Answer answer = assessments.answer(assessments.engine(), request, locale, requestedBy,
                assessments.previous(request, assessments.assessmentDate(request)), additions);
        try {
            transactions.executeWithoutResult(status -> {
                store.save(answer.stored(), answer.ruleSet(), alsoOnRecord.apply(answer.stored()));
                keys.remember(requestedBy, key, requestHash, answer.stored().id());
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            // The same retry, sent twice at once: the other one stored it.
            return earlier(requestedBy, key, requestHash).orElseThrow(() -> sameKeyMeanwhile);
        }
        return new Keyed(answer.stored().id(), answer.answered().body(), false);
    }

    private Optional<Keyed> earlier(String requestedBy, String key, String requestHash) {
        return keys.find(requestedBy, key).map(keyed -> {
            if (!keyed.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            StoredAssessment stored = store.find(keyed.assessmentId()).orElseThrow();
            return new Keyed(stored.id(), stored.responseJson(), true);
        });
    }

    /**
     * A batch's key, before any of the batch is assessed: the same key with another batch is refused,
     * with nothing stored.
     *
     * @param batch the batch's body, well-formed JSON; compared as JSON, not as bytes: spacing aside
     * @throws IdempotencyKeyReusedException when the key stored families of another batch
     */
    public BatchKey batchKey(String requestedBy, String key, byte[] batch) {
        MessageDigest digest = sha256();
        try (JsonParser parser = json.createParser(batch);
                JsonGenerator compact = json.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            parser.nextToken();
            compact.copyCurrentStructure(parser);
        }
        String batchHash = HexFormat.of().formatHex(digest.digest());
        if (keys.batchHashes(requestedBy, key).stream().anyMatch(stored -> !stored.equals(batchHash))) {
            throw new IdempotencyKeyReusedException();
        }
        return new BatchKey(requestedBy, key, batchHash);
    }

    /**
     * A part of a keyed batch, as {@link BatchAssessments#assessAll}: a family the key stored before is
     * answered as stored then ({@link Outcome.Stored#replayed()}); the others are assessed and stored
     * with the key, in their transaction.
     *
     * @param indexes each family's index in the whole batch
     */
    public List<Outcome> assessAll(BatchKey key, List<AssessmentRequest> families, List<Integer> indexes, Locale locale) {
        if (families.isEmpty()) {
            return List.of();
        }
        Map<Integer, IdempotencyKeys.Keyed> earlier = keys.batchItems(key.requestedBy(), key.key(), indexes.get(0),
                indexes.get(indexes.size() - 1));
        Outcome[] outcomes = new Outcome[families.size()];
        List<AssessmentRequest> fresh = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            Optional<StoredAssessment> stored = Optional.ofNullable(earlier.get(indexes.get(i)))
                    .filter(keyed -> keyed.requestHash().equals(key.batchHash()))
                    .flatMap(keyed -> store.find(keyed.assessmentId()));
            if (stored.isPresent()) {
                outcomes[i] = new Outcome.Stored(stored.get().id(), stored.get().responseJson(), true);
            } else {
                fresh.add(families.get(i));
                freshAt.add(i);
            }
        }
        List<Outcome> assessed = batches.assessAll(fresh, locale, key.requestedBy(), ids -> {
            Map<Integer, String> byIndex = new HashMap<>();
            ids.forEach((position, id) -> byIndex.put(indexes.get(freshAt.get(position)), id));
            keys.rememberBatch(key.requestedBy(), key.key(), key.batchHash(), byIndex);
        });
        for (int f = 0; f < fresh.size(); f++) {
            outcomes[freshAt.get(f)] = assessed.get(f);
        }
        return List.of(outcomes);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A batch's key, checked against what it stored before: per caller, with the hash of the batch. */
    public record BatchKey(String requestedBy, String key, String batchHash) {
    }

    /**
     * An assessment stored under a key: its id, its body exactly as answered, and whether this answer
     * repeats the one stored before.
     */
    public record Keyed(String assessmentId, String body, boolean replayed) {
    }
}
