package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.PostgreSqlTestDatabase;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * On PostgreSQL, with two instances as behind a load balancer: the login lockout and the rate limit
 * are shared (a client gets no more tries or assessments by reaching another instance), and an erasure
 * is followed by VACUUM of the case tables at once and by VACUUM FULL in the nightly purge, which writes
 * each table into new files. What VACUUM guarantees, and what it does not, is in docs/security.md.
 */
@Tag("postgresql")
class PostgreSqlHardeningIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();
    private PostgreSqlTestDatabase database;

    @BeforeEach
    void emptySchema() {
        database = PostgreSqlTestDatabase.newSchema("hardening");
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }

    @Test
    void lockoutAndRateLimitAreSharedAcrossInstancesAndAnErasureIsVacuumed() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> startingA = CompletableFuture.supplyAsync(this::start);
        CompletableFuture<ConfigurableApplicationContext> startingB = CompletableFuture.supplyAsync(this::start);
        try (ConfigurableApplicationContext a = startingA.join(); ConfigurableApplicationContext b = startingB.join()) {
            // The lockout: three wrong passwords at A lock the account for this client at B too.
            String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
            String password = TestAccount.newPassword();
            assertThat(send(a, "POST", "/api/v1/accounts", TestAccount.basicAuthorization(), "{\"username\": \"" + name
                    + "\", \"password\": \"" + password + "\", \"roles\": [\"CASEWORKER\"]}").statusCode()).isEqualTo(201);
            for (int i = 0; i < 3; i++) {
                assertThat(send(a, "GET", "/api/v1/rules", basic(name, "wrong-" + i), null).statusCode()).isEqualTo(401);
            }
            assertThat(send(b, "GET", "/api/v1/rules", basic(name, password), null).statusCode())
                    .as("locked at B by the failures at A").isEqualTo(401);

            // The rate limit: 4 assessments a minute, counted over both instances .
            String family = CaseHistoryApiIntegrationTest.family("K-PG-RATE", "2026-11-22", "LOW");
            int[] statuses = new int[6];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = send(i % 2 == 0 ? a : b, "POST", "/api/v1/assessments/preview",
                        TestAccount.basicAuthorization(), family).statusCode();
            }
            assertThat(statuses).as("4 answered, then 429 at either instance").containsExactly(200, 200, 200, 200, 429, 429);

            // The erasure: rows gone, the tables vacuumed at once, rewritten into new files at night.
            String caseRef = "K-PG-ERASE-" + UUID.randomUUID().toString().substring(0, 8);
            String eraser = basic(name + "-e", password);
            assertThat(send(a, "POST", "/api/v1/accounts", TestAccount.basicAuthorization(), "{\"username\": \"" + name
                    + "-e\", \"password\": \"" + password + "\", \"roles\": [\"CASEWORKER\", \"ADMIN\"]}")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> stored = send(a, "POST", "/api/v1/assessments", eraser,
                    CaseHistoryApiIntegrationTest.family(caseRef, "2026-11-22", "LOW"));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            String assessmentFile = query("SELECT pg_relation_filepath('assessment')");
            OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
            HttpResponse<String> erased = send(b, "DELETE", "/api/v1/cases/" + caseRef, eraser,
                    null);
            assertThat(erased.statusCode()).isEqualTo(200);
            assertThat(json.readTree(erased.body()).path("tracesRemovedAt").isString()).isTrue();
            assertThat(query("SELECT COUNT(*) FROM assessment WHERE case_ref = '" + caseRef + "'")).isEqualTo("0");
            OffsetDateTime vacuumed = OffsetDateTime.parse(query("SELECT to_char(last_vacuum AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM pg_stat_user_tables WHERE relname = 'assessment' "
                    + "AND schemaname = current_schema()"));
            assertThat(vacuumed).isAfter(before);

            b.getBean(Erasures.class).purgeExpired();
            assertThat(query("SELECT pg_relation_filepath('assessment')")).as("VACUUM FULL wrote new files")
                    .isNotEqualTo(assessmentFile);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VisitationAdvisorApplication.class)
                .run("--server.port=0", "--spring.profiles.active=postgresql",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--advisor.security.login.max-failures=3",
                        "--advisor.security.rate-limit.assessments-per-minute=4");
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext service, String method, String path,
            String authorization, String body) throws Exception {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
