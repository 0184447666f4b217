package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dk.visitationadvisor.support.FamilyJson;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A retry with the same {@code Idempotency-Key} stores nothing new and answers the first answer; the
 * key with another request is refused; retries sent at once store one assessment; the key goes with
 * the case when it is erased. The same for the batch, whose key goes with each family's case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:idempotency;DB_CLOSE_DELAY=-1")
class IdempotencyKeyIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private long stored(String caseRef) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE case_ref = ?").param(caseRef).query(Long.class).single();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndStoresNothingNew() throws Exception {
        String key = UUID.randomUUID().toString();
        String family = FamilyJson.inCourse("K-IDEM-1", "2026-11-22", "SIGNIFICANT");

        HttpResponse<String> first = send("POST", "/api/v1/assessments", family, key);
        HttpResponse<String> retry = send("POST", "/api/v1/assessments", family, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(stored("K-IDEM-1")).isEqualTo(1);

        // Without a key, every POST is a new assessment, as before.
        send("POST", "/api/v1/assessments", family, null);
        assertThat(stored("K-IDEM-1")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndStoresNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(send("POST", "/api/v1/assessments", FamilyJson.inCourse("K-IDEM-2", "2026-11-22", "SIGNIFICANT"), key)
                .statusCode()).isEqualTo(201);

        HttpResponse<String> other = send("POST", "/api/v1/assessments",
                FamilyJson.inCourse("K-IDEM-2", "2026-11-22", "MODERATE"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(other.body()).contains("/problems/idempotency-key-reused");
        assertThat(stored("K-IDEM-2")).isEqualTo(1);
    }

    @Test
    void retriesSentAtOnceStoreOneAssessment() throws Exception {
        String key = UUID.randomUUID().toString();
        String family = FamilyJson.inCourse("K-IDEM-3", "2026-11-22", "SIGNIFICANT");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(pool.submit(() -> send("POST", "/api/v1/assessments", family, key)));
            }
            List<String> locations = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                locations.add(response.get().headers().firstValue("Location").orElseThrow());
            }
            assertThat(locations).containsOnly(locations.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored("K-IDEM-3")).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotOneIsABadRequestNamingTheHeader() throws Exception {
        for (String key : List.of("x".repeat(256), "a key with spaces", "010190-1234")) {
            HttpResponse<String> response = send("POST", "/api/v1/assessments",
                    FamilyJson.inCourse("K-IDEM-4", "2026-11-22", "SIGNIFICANT"), key);
            assertThat(response.statusCode()).as(key).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"Idempotency-Key\"").doesNotContain("010190");
        }
        assertThat(stored("K-IDEM-4")).isZero();
    }

    @Test
    void aUuidIsTakenEvenWhenItsDigitsHappenToLookLikeACprNumber() throws Exception {
        // "010190-1234" stands alone in it: about one random UUID in 300 is like this.
        String key = "ab010190-1234-4abc-8def-0123456789ab";
        HttpResponse<String> response = send("POST", "/api/v1/assessments",
                FamilyJson.inCourse("K-IDEM-UUID", "2026-11-22", "SIGNIFICANT"), key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(stored("K-IDEM-UUID")).isEqualTo(1);
    }

    @Test
    void theKeyIsErasedWithTheCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String family = FamilyJson.inCourse("K-IDEM-5", "2026-11-22", "SIGNIFICANT");
        assertThat(send("POST", "/api/v1/assessments", family, key).statusCode()).isEqualTo(201);
        assertThat(send("DELETE", "/api/v1/cases/K-IDEM-5", null, null).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?").param(key).query(Long.class).single())
                .isZero();
        // The key is free again: the case is gone, and the same request stores a new assessment.
        assertThat(send("POST", "/api/v1/assessments", family, key).headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    private static String batch(String... families) {
        return "{\"assessments\": [" + String.join(",", families) + "]}";
    }

    private static List<String> batchIds(HttpResponse<String> answer) {
        return JsonPath.read(answer.body(), "$.results[?(@.status == 'CREATED')].assessmentId");
    }

    private long batchKeyRows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_batch_item WHERE idem_key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void aRetriedBatchWithTheSameKeyGetsTheStoredFamiliesAndStoresNothingTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = batch(FamilyJson.inCourse("K-IDEM-B1", "2026-11-22", "SIGNIFICANT"),
                "{\"caseRef\": \"K-IDEM-B2\", \"housing\": \"CASTLE\"}",
                FamilyJson.inCourse("K-IDEM-B3", "2026-11-22", "MODERATE"));

        HttpResponse<String> first = send("POST", AssessmentBatchController.PATH, body, key);
        // Spacing aside, the same batch.
        HttpResponse<String> retry = send("POST", AssessmentBatchController.PATH, body.replace(", ", ",\n  "), key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(batchIds(first)).hasSize(2);
        assertThat(batchIds(retry)).isEqualTo(batchIds(first));
        List<Object> firstAnswers = JsonPath.read(first.body(), "$.results[?(@.status == 'CREATED')].assessment");
        List<Object> retryAnswers = JsonPath.read(retry.body(), "$.results[?(@.status == 'CREATED')].assessment");
        assertThat(retryAnswers).isEqualTo(firstAnswers);
        assertThat(JsonPath.<List<Object>>read(first.body(), "$.results[*].replayed")).isEmpty();
        assertThat(JsonPath.<List<Boolean>>read(retry.body(), "$.results[*].replayed")).containsExactly(true, true);
        assertThat(JsonPath.<String>read(retry.body(), "$.results[1].status")).isEqualTo("INVALID");
        assertThat(JsonPath.<Integer>read(retry.body(), "$.created")).isEqualTo(2);
        assertThat(stored("K-IDEM-B1")).isEqualTo(1);
        assertThat(stored("K-IDEM-B2")).isZero();
        assertThat(stored("K-IDEM-B3")).isEqualTo(1);
        assertThat(batchKeyRows(key)).isEqualTo(2);
    }

    @Test
    void theSameBatchKeyWithAnotherBatchIsRefusedAndStoresNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(send("POST", AssessmentBatchController.PATH,
                batch(FamilyJson.inCourse("K-IDEM-B4", "2026-11-22", "SIGNIFICANT")), key).statusCode()).isEqualTo(200);

        HttpResponse<String> other = send("POST", AssessmentBatchController.PATH,
                batch(FamilyJson.inCourse("K-IDEM-B4", "2026-11-22", "MODERATE"),
                        FamilyJson.inCourse("K-IDEM-B5", "2026-11-22", "MODERATE")), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(other.body()).contains("/problems/idempotency-key-reused");
        assertThat(stored("K-IDEM-B4")).isEqualTo(1);
        assertThat(stored("K-IDEM-B5")).isZero();
        // A bad key is refused as on the single endpoint, naming the header.
        HttpResponse<String> badKey = send("POST", AssessmentBatchController.PATH,
                batch(FamilyJson.inCourse("K-IDEM-B5", "2026-11-22", "MODERATE")), "a key with spaces");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"field\":\"Idempotency-Key\"");
        assertThat(stored("K-IDEM-B5")).isZero();
    }

    @Test
    void aBatchKeyGoesWithEachFamilysCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = batch(FamilyJson.inCourse("K-IDEM-B6", "2026-11-22", "SIGNIFICANT"),
                FamilyJson.inCourse("K-IDEM-B7", "2026-11-22", "SIGNIFICANT"));
        List<String> first = batchIds(send("POST", AssessmentBatchController.PATH, body, key));
        assertThat(send("DELETE", "/api/v1/cases/K-IDEM-B6", null, null).statusCode()).isEqualTo(200);

        assertThat(batchKeyRows(key)).isEqualTo(1);
        HttpResponse<String> retry = send("POST", AssessmentBatchController.PATH, body, key);
        // The erased case's family is assessed anew; the other case's is still the one stored.
        assertThat(JsonPath.<List<Object>>read(retry.body(), "$.results[?(@.index == 0)].replayed")).isEmpty();
        assertThat(JsonPath.<String>read(retry.body(), "$.results[0].assessmentId")).isNotEqualTo(first.get(0));
        assertThat(JsonPath.<Boolean>read(retry.body(), "$.results[1].replayed")).isTrue();
        assertThat(JsonPath.<String>read(retry.body(), "$.results[1].assessmentId")).isEqualTo(first.get(1));
        assertThat(stored("K-IDEM-B6")).isEqualTo(1);
        assertThat(stored("K-IDEM-B7")).isEqualTo(1);
    }
}
