package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.FamilyJson;
import dk.visitationadvisor.support.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What an integrating system gets where it goes wrong, against the real server (the container's own
 * errors and the security filters are part of what is tested): always a problem document, with the
 * status that says what happened (404 for no such address, 405 for a method it does not take, 409 for
 * a conflict), and every case reference the API accepts can be read and erased again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api-answers;DB_CLOSE_DELAY=-1")
class ApiAnswersIntegrationTest {

    private static final String PROBLEM = "application/problem+json";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, TestAccount.basicAuthorization());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("\"path\"", "timestamp");
    }

    @Test
    void aQueryParameterWithoutANameIsABadRequestNotAFault() throws Exception {
        for (String path : List.of("/api/v1/audit?=x", "/api/v1/cases/K-1/assessments?=1&page=0")) {
            assertProblem(send("GET", path, null), 400);
        }
    }

    @Test
    void anAddressNothingAnswersIsNotFoundWithoutRepeatingIt() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-thing", null);
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain("no-such-thing");
    }

    @Test
    void aMethodAnAddressDoesNotTakeIsMethodNotAllowedWithTheMethodsItTakes() throws Exception {
        HttpResponse<String> delete = send("DELETE", "/api/v1/assessments", null);
        assertProblem(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("POST");

        HttpResponse<String> query = send("QUERY", "/api/v1/assessments", "{}");
        assertProblem(query, 405);
        assertThat(query.headers().firstValue("Allow")).get().asString().contains("POST");
    }

    @Test
    void aRoleThatMayNotUseAnAddressIsStillForbidden() throws Exception {
        String username = "system-" + System.nanoTime();
        String password = TestAccount.newPassword();
        assertThat(send("POST", "/api/v1/accounts", """
                {"username": "%s", "password": "%s", "roles": ["SYSTEM"]}""".formatted(username, password))
                .statusCode()).isEqualTo(201);
        String system = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());

        assertProblem(send("GET", "/api/v1/audit", null, system), 403);
        assertProblem(send("GET", "/api/v1/no-such-thing", null, system), 404);
        assertProblem(send("GET", "/api/v1/audit", null, null), 401);
    }

    @Test
    void aConflictIsAProblemDocument() throws Exception {
        String account = """
                {"username": "twice-%d", "password": "%s", "roles": ["CASEWORKER"]}"""
                .formatted(System.nanoTime(), TestAccount.newPassword());
        assertThat(send("POST", "/api/v1/accounts", account).statusCode()).isEqualTo(201);
        assertProblem(send("POST", "/api/v1/accounts", account), 409);
    }

    @Test
    void aCaseReferenceWithASlashIsRefusedAtCreationSoThatNoCaseIsUnreachable() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/assessments",
                FamilyJson.inCourse("K/2026/1", "2026-11-22", "SIGNIFICANT"));
        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"caseRef\"").doesNotContain("K/2026/1");
    }

    @Test
    void everyCaseReferenceTheApiAcceptsCanBeReadAndErased() throws Exception {
        for (String caseRef : List.of("A", "a.b", "K..", "K-2026_0042.x", "Z" + "9".repeat(63), "0._-")) {
            assertThat(send("POST", "/api/v1/assessments", FamilyJson.inCourse(caseRef, "2026-11-22", "SIGNIFICANT"))
                    .statusCode()).as(caseRef).isEqualTo(201);
            HttpResponse<String> timeline = send("GET", "/api/v1/cases/" + caseRef + "/assessments", null);
            assertThat(timeline.statusCode()).as(caseRef).isEqualTo(200);
            assertThat(timeline.body()).as(caseRef).contains("\"caseRef\":\"" + caseRef + "\"");
            assertThat(send("DELETE", "/api/v1/cases/" + caseRef, null).statusCode()).as(caseRef).isEqualTo(200);
            assertThat(send("GET", "/api/v1/cases/" + caseRef + "/assessments", null).body()).as(caseRef)
                    .doesNotContain("assessmentId");
        }
    }

    @Test
    void aPreviewHasNoIdBecauseNothingIsStoredUnderOne() throws Exception {
        HttpResponse<String> preview = send("POST", "/api/v1/assessments/preview",
                FamilyJson.inCourse("K-PREVIEW-1", "2026-11-22", "SIGNIFICANT"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).doesNotContain("assessmentId").contains("\"caseRef\":\"K-PREVIEW-1\"");
    }
}
