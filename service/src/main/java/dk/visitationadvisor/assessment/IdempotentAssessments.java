package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentService.Answer;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.IdempotencyKeys;
import dk.visitationadvisor.casehistory.StoredAssessment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments sent with an {@code Idempotency-Key}: a caller that retries after a lost answer (a
 * timeout, a dropped connection) gets the assessment stored the first time, not a second one. The
 * same key with another request is refused; keys are per caller.
 */
@Service
public class IdempotentAssessments {

    private final AssessmentService assessments;
    private final AssessmentStore store;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    IdempotentAssessments(AssessmentService assessments, AssessmentStore store, IdempotencyKeys keys,
            PlatformTransactionManager transactions, JsonMapper json) {
        this.assessments = assessments;
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * An assessment stored under a key: its id, its body exactly as answered, and whether this answer
     * repeats the one stored before.
     */
    public record Keyed(String assessmentId, String body, boolean replayed) {
    }
}
