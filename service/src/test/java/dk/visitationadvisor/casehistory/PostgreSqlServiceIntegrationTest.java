package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.PostgreSqlTestDatabase;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as it is deployed with the {@code postgresql} profile: several instances on one
 * PostgreSQL database, as behind a load balancer, started at once on an empty database. What one
 * instance answered, every other reads back byte for byte, and compares with, also after a restart.
 */
@Tag("postgresql")
class PostgreSqlServiceIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();
    private PostgreSqlTestDatabase database;

    @BeforeEach
    void emptySchema() {
        database = PostgreSqlTestDatabase.newSchema("service");
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }

    @Test
    void instancesOnOneDatabaseShareTheCaseHistory() throws Exception {
        String caseRef = AssessmentStoreContractTest.newCase();
        String earlierBody;
        String earlierId;
        String laterId;
        // Two instances start at once on the empty database: one migrates it, the other waits for that.
        CompletableFuture<ConfigurableApplicationContext> startingA = CompletableFuture.supplyAsync(this::start);
        CompletableFuture<ConfigurableApplicationContext> startingB = CompletableFuture.supplyAsync(this::start);
        try (ConfigurableApplicationContext a = startingA.join(); ConfigurableApplicationContext b = startingB.join()) {
            HttpResponse<String> earlier = assess(a, CaseHistoryApiIntegrationTest.family(caseRef, "2026-10-20",
                    "MODERATE"));
            earlierBody = earlier.body();
            earlierId = json.readTree(earlierBody).path("assessmentId").asString();
            // Danish by default: the stored answer carries æ, ø, å and the guillemets of the sources.
            assertThat(earlierBody).contains("ø", "å", "»", "«");

            HttpResponse<String> readByB = get(b, earlier.headers().firstValue("Location").orElseThrow());
            assertThat(readByB.statusCode()).isEqualTo(200);
            assertThat(readByB.body()).isEqualTo(earlierBody);

            // B compares with what A stored.
            JsonNode later = json.readTree(assess(b, CaseHistoryApiIntegrationTest.family(caseRef, "2026-11-22",
                    "SIGNIFICANT")).body());
            laterId = later.path("assessmentId").asString();
            assertThat(later.path("escalations").toString()).contains("ESC-CONCERN-RISING")
                    .contains("previousAssessment = " + earlierId + " of 2026-10-20");

            JsonNode timeline = json.readTree(get(a, "/api/v1/cases/" + caseRef + "/assessments").body());
            assertThat(timeline.path("totalAssessments").asLong()).isEqualTo(2);
            assertThat(timeline.path("assessments").get(0).path("assessmentId").asString()).isEqualTo(laterId);
            assertThat(timeline.path("assessments").get(1).path("assessmentId").asString()).isEqualTo(earlierId);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            HttpResponse<String> read = get(restarted, "/api/v1/assessments/" + earlierId);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(earlierBody);
            JsonNode page = json.readTree(get(restarted, "/api/v1/cases/" + caseRef + "/assessments?page=1&size=1")
                    .body());
            assertThat(page.path("assessments").get(0).path("assessmentId").asString()).isEqualTo(earlierId);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VisitationAdvisorApplication.class)
                .run("--server.port=0", "--spring.profiles.active=postgresql",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password());
    }

    private HttpResponse<String> assess(ConfigurableApplicationContext service, String body) throws Exception {
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(uri(service, "/api/v1/assessments")).header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        return answered;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).header("Authorization", TestAccount.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext service, String path) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
