package dk.visitationadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.AssessmentLoad;
import dk.visitationadvisor.support.ServiceProcess;
import dk.visitationadvisor.support.SlowStoreApplication;
import dk.visitationadvisor.support.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while requests are in flight: the service stops taking new ones, lets each one in flight
 * finish (its answer sent and stored), and only then exits. The requests are held in flight by a
 * case history that waits 6 s before each save.
 */
@Tag("process")
class GracefulShutdownIntegrationTest {

    private static final int IN_FLIGHT = 8;
    private static final Pattern ID = Pattern.compile("^\\{\"assessmentId\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sigtermLetsEveryRequestInFlightGetItsAnswerAndBeStoredBeforeExiting() throws Exception {
        Path data = work.resolve("data");
        List<HttpResponse<String>> answers = new ArrayList<>();
        int exitCode;
        try (ServiceProcess service = ServiceProcess.start(SlowStoreApplication.class, data,
                "--advisor.test.save-delay-ms=6000")) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                inFlight.add(http.sendAsync(post(service.port(), AssessmentLoad.family("K-TERM-" + i)),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(1500);
            long signalled = System.nanoTime();
            Thread terminating = new Thread(() -> {
                try {
                    service.terminate(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            terminating.start();
            // New requests are refused soon after the signal, while those in flight are still held.
            assertThat(newRequestsRefusedWithin(service.port(), Duration.ofSeconds(10))).isTrue();
            assertThat(inFlight).as("still draining when new requests were refused").anyMatch(r -> !r.isDone());
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                answers.add(request.get());
            }
            terminating.join();
            exitCode = service.terminate(Duration.ofSeconds(1));
            System.out.printf("SIGTERM: %d requests in flight, %d answered 201; exit code %d, %d ms after the signal%n",
                    IN_FLIGHT, answers.stream().filter(a -> a.statusCode() == 201).count(), exitCode,
                    (System.nanoTime() - signalled) / 1_000_000);
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(exitCode).as("stopped by the signal, after draining").isEqualTo(143);

        try (Connection database = ServiceProcess.database(data);
                PreparedStatement read = database.prepareStatement("SELECT response_json FROM assessment WHERE id = ?")) {
            for (HttpResponse<String> answer : answers) {
                Matcher id = ID.matcher(answer.body());
                assertThat(id.find()).isTrue();
                read.setString(1, id.group(1));
                try (ResultSet stored = read.executeQuery()) {
                    assertThat(stored.next()).as("assessment " + id.group(1) + " is on record").isTrue();
                    assertThat(stored.getString(1)).isEqualTo(answer.body());
                }
            }
            assertThat(AssessmentLoad.rows(database)).isEqualTo(IN_FLIGHT);
        }
    }

    /**
     * Asks for previews (never stored, so they cannot change the count of rows) on new connections
     * until one is refused: how long the JVM takes to act on the signal depends on the machine's load.
     */
    private boolean newRequestsRefusedWithin(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> late = HttpClient.newHttpClient().send(
                        post(port, "/api/v1/assessments/preview", AssessmentLoad.family("K-LATE"), Duration.ofSeconds(3)),
                        HttpResponse.BodyHandlers.ofString());
                if (late.statusCode() == 503) {
                    return true;
                }
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static HttpRequest post(int port, String body) {
        return post(port, "/api/v1/assessments", body, Duration.ofSeconds(60));
    }

    private static HttpRequest post(int port, String path, String body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestAccount.basicAuthorization())
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
