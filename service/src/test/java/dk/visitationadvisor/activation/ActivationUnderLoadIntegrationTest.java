package dk.visitationadvisor.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.assessment.Families;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * 20 activations in a row, alternating two rule sets, while clients keep assessing: no request
 * fails, and every answer is the one its {@code rulesetVersion} gives. The two rule sets differ in
 * the intensive infant programme's risk-factor threshold (2 or 3), so the contract example family,
 * with two risk factors, is ELIGIBLE under one and NOT_ELIGIBLE under the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:activation-under-load;DB_CLOSE_DELAY=-1",
        "advisor.rules.activation.require-passing-scenarios=false",
        // Four clients as fast as they can: the per-client limit would answer some of them 429, which is not
        // what this test is about.
        "advisor.security.rate-limit.assessments-per-minute=1000000000"})
class ActivationUnderLoadIntegrationTest {

    private static final int CLIENTS = 4;
    private static final int ACTIVATIONS = 20;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String family = JsonMapper.builder().build().writeValueAsString(Families.PREGNANT_MOTHER);

    record Answer(int status, String version, String intensiveInfantStatus, String id) {
    }

    @Test
    void everyRequestIsAnsweredByExactlyOneOfTheRuleSetsAndSaysWhichWhileTheyAlternate() throws Exception {
        String original = CandidateFiles.read(CandidateFiles.IS_PARAMETERS);
        String stricter = CandidateFiles.threeRiskFactorsForIntensiveInfant();
        String versionA = JsonPath.read(get("/api/v1/rules").body(), "$.rulesetVersion");

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    answers.add(assess());
                }
                return null;
            }));
        }

        List<String> activated = new ArrayList<>();
        try {
            for (int i = 0; i < ACTIVATIONS; i++) {
                String parameters = i % 2 == 0 ? stricter : original;
                HttpResponse<String> activation = post("/api/v1/rule-sets/activations",
                        CandidateFiles.activating("alternation " + (i + 1), Map.of(CandidateFiles.IS_PARAMETERS, parameters)));
                assertThat(activation.statusCode()).as(activation.body()).isEqualTo(201);
                activated.add(JsonPath.read(activation.body(), "$.version"));
                Thread.sleep(100);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> client : load) {
            client.get();
        }

        String versionB = activated.get(0);
        assertThat(versionB).isNotEqualTo(versionA);
        assertThat(activated).containsExactlyElementsOf(alternating(versionB, versionA, ACTIVATIONS));
        assertThat(get("/api/v1/rule-sets/activations?size=" + ACTIVATIONS).body())
                .satisfies(log -> assertThat(JsonPath.<List<String>>read(log, "$[*].version"))
                        .containsExactlyElementsOf(alternating(versionA, versionB, ACTIVATIONS)));

        assertThat(answers).hasSizeGreaterThan(ACTIVATIONS);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.version()).isIn(versionA, versionB);
            assertThat(answer.intensiveInfantStatus())
                    .isEqualTo(answer.version().equals(versionA) ? "ELIGIBLE" : "NOT_ELIGIBLE");
        });
        // Both rule sets answered while they alternated, and what is on record says the same.
        assertThat(answers).extracting(Answer::version).contains(versionA, versionB);
        for (Answer answer : answers.stream().limit(200).toList()) {
            assertThat(JsonPath.<String>read(get("/api/v1/assessments/" + answer.id()).body(), "$.rulesetVersion"))
                    .isEqualTo(answer.version());
        }
    }

    private static List<String> alternating(String first, String second, int count) {
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            versions.add(i % 2 == 0 ? first : second);
        }
        return versions;
    }

    private Answer assess() throws Exception {
        HttpResponse<String> response = post("/api/v1/assessments", family);
        if (response.statusCode() != 201) {
            return new Answer(response.statusCode(), null, null, null);
        }
        String body = response.body();
        return new Answer(201, JsonPath.read(body, "$.rulesetVersion"),
                JsonPath.<List<String>>read(body, "$.programmes[?(@.programme == 'INTENSIVE_INFANT')].status").get(0),
                JsonPath.read(body, "$.assessmentId"));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", TestAccount.basicAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
