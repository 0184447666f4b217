package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What was answered before a restart is still there afterwards, byte for byte. */
class CaseHistoryRestartIntegrationTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAnswerSurvivesARestartByteForByte() throws Exception {
        String body;
        String location;
        try (ConfigurableApplicationContext service = start()) {
            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(uri(service, "/api/v1/assessments")).header("Authorization", TestAccount.basicAuthorization())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            CaseHistoryApiIntegrationTest.family("K-RESTART", "2026-11-22", "SIGNIFICANT")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).isEqualTo(201);
            body = answered.body();
            location = answered.headers().firstValue("Location").orElseThrow();
        }

        try (ConfigurableApplicationContext service = start()) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri(service, location)).header("Authorization", TestAccount.basicAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(body);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VisitationAdvisorApplication.class)
                .run("--server.port=0", "--advisor.data.directory=" + data);
    }

    private static URI uri(ConfigurableApplicationContext service, String path) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
