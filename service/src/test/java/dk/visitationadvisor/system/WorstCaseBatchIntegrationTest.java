package dk.visitationadvisor.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.ServiceProcess;
import dk.visitationadvisor.support.TestAccount;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finding: a batch of 8,500 worst-case families with {@code -Xmx512m} ran the heap out, after which the
 * service answered nothing, not even its health checks, and ignored SIGTERM. Now the batch is streamed
 * in parts, so that the same batch is answered (every family stored) by a service with 512 MB of heap
 * (the test's processes get {@code -Xmx512m}), whose health checks answer all the while; and SIGTERM
 * during such a batch stops the service within its grace period (30 s), the batch's families after
 * the part under way answered FAILED with 503.
 */
@Tag("process")
class WorstCaseBatchIntegrationTest {

    private static final int FAMILIES = 8_500;
    private static final Pattern COUNTS = Pattern.compile(
            "\"created\":(\\d+),\"invalid\":(\\d+),\"failed\":(\\d+)}$");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theWorstCaseBatchIsStreamedWithTheServiceHealthyAndSigtermStopsItWithinTheGracePeriod() throws Exception {
        String batch = batch(FAMILIES);
        assertThat(batch.getBytes(StandardCharsets.UTF_8).length).as("within the batch's body limit")
                .isLessThanOrEqualTo(16 * 1024 * 1024);
        Path data = work.resolve("data");
        try (ServiceProcess service = ServiceProcess.start(dk.visitationadvisor.VisitationAdvisorApplication.class, data)) {
            assertThat(answer(service.port(), "K-ONE", 1).length()).as("one worst-case answer, bytes").isGreaterThan(5_000);

            Probes probes = new Probes(service.port());
            long start = System.nanoTime();
            Outcome whole = send(service.port(), batch).get();
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            List<Long> probeMillis = probes.stop();
            System.out.printf("Worst-case batch: %d families, %d MB of body, answered %d MB in %d s: %s; "
                            + "%d health probes meanwhile, slowest %d ms; data directory %d MB%n", FAMILIES,
                    batch.length() / 1_000_000, whole.bytes / 1_000_000, seconds, whole.counts, probeMillis.size(),
                    probeMillis.stream().mapToLong(Long::longValue).max().orElse(-1), size(data) / 1_000_000);
            assertThat(whole.status).isEqualTo(200);
            assertThat(whole.counts).as("created, invalid, failed").containsExactly(FAMILIES, 0, 0);
            assertThat(probeMillis).as("health answered 200 within 5 s all the while").isNotEmpty()
                    .allSatisfy(millis -> assertThat(millis).isBetween(0L, 5_000L));
            assertThat(health(service.port())).isEqualTo(200);

            // SIGTERM in the middle of the same batch: the part under way is finished, the rest refused.
            CompletableFuture<Outcome> second = send(service.port(), batch.replace("\"K-WORST-", "\"K-AGAIN-"));
            Thread.sleep(8_000);
            long signalled = System.nanoTime();
            int exitCode = service.terminate(Duration.ofSeconds(45));
            long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
            Outcome stopped = second.get();
            System.out.printf("SIGTERM during a batch: exit code %d after %d ms; the batch: %s%n", exitCode, stopMillis,
                    stopped.counts);
            assertThat(exitCode).isEqualTo(143);
            assertThat(stopMillis).as("within the 30 s grace period").isLessThan(30_000);
            assertThat(stopped.status).isEqualTo(200);
            assertThat(stopped.counts).hasSize(3);
            assertThat(stopped.counts.get(0) + stopped.counts.get(2)).isEqualTo(FAMILIES);
            assertThat(stopped.counts.get(2)).as("refused after the signal").isPositive();
        }
    }

    /**
     * A family whose answer is as long as a family can make it: pregnant and with a newborn, two parents
     * with every risk factor, in a course, with every measurement past its cutoff, so that every
     * criterion, escalation and follow-up has something to say.
     */
    static String family(String caseRef) {
        return """
                {"caseRef":"%s","assessmentDate":"2026-11-22","pregnancy":{"gestationalWeek":30},\
                "child":{"birthDate":"2026-09-01","growthOnTrack":false},"olderSiblings":3,\
                "parents":[{"role":"MOTHER","riskFactors":["LOW_MENTALIZATION","CHILDHOOD_TRAUMA","DOMESTIC_VIOLENCE",\
                "ECONOMIC_PROBLEMS","IMMATURE_PERSONALITY","DIFFICULTY_PRIORITISING_CHILD",\
                "DIFFICULTY_STRUCTURING_DAILY_LIFE","CRIMINALITY"],"substanceUse":"ACTIVE_NO_TREATMENT",\
                "wantsSubstanceTreatment":false,"retentionAgreement":false,"mentalIllness":"SEVERE",\
                "cognitiveFunction":"SEVERE_LEARNING_DISABILITY"},{"role":"FATHER","riskFactors":["LOW_MENTALIZATION",\
                "CHILDHOOD_TRAUMA","DOMESTIC_VIOLENCE","ECONOMIC_PROBLEMS","IMMATURE_PERSONALITY",\
                "DIFFICULTY_PRIORITISING_CHILD","DIFFICULTY_STRUCTURING_DAILY_LIFE","CRIMINALITY"],\
                "substanceUse":"ACTIVE_NO_TREATMENT","wantsSubstanceTreatment":false,"mentalIllness":"SEVERE",\
                "cognitiveFunction":"SEVERE_LEARNING_DISABILITY"}],\
                "concern":{"level":"SIGNIFICANT","childSafetyConcern":true,"doubtAboutParentingCapacity":true,\
                "placementNecessary":true},"consent":true,"housing":"NONE","network":"NONE",\
                "course":{"programme":"INTENSIVE_INFANT","startDate":"2026-06-01","phase":"SUPPORTIVE",\
                "phaseStartDate":"2026-09-01","statusLetterSent":false},\
                "measurements":{"epds":25,"epdsSelfHarm":3,"epdsRespondent":"MOTHER","adbb":12,"ors":10,\
                "orsRater":"PARENT","srs":20,"careIndexSensitivity":2,"asqse2":200,"asqse2IntervalMonths":2,\
                "missedContacts":9}}""".formatted(caseRef);
    }

    private static String batch(int families) {
        StringBuilder body = new StringBuilder("{\"assessments\":[");
        for (int i = 0; i < families; i++) {
            body.append(i == 0 ? "" : ",").append(family("K-WORST-" + i));
        }
        return body.append("]}").toString();
    }

    private String answer(int port, String caseRef, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/assessments")).header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(family(caseRef)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode json = JsonMapper.builder().build().readTree(answer.body());
        assertThat(json.path("escalations").size()).as("escalations of the worst case").isGreaterThan(expected);
        return answer.body();
    }

    private record Outcome(int status, long bytes, List<Integer> counts) {
    }

    /** Sends a batch and reads its answer as it streams in, keeping only its size and its counts. */
    private CompletableFuture<Outcome> send(int port, String batch) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments:batch"))
                .header("Authorization", TestAccount.basicAuthorization()).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(batch)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[1 << 16];
                StringBuilder tail = new StringBuilder();
                long bytes = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    bytes += n;
                    tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (tail.length() > 4096) {
                        tail.delete(0, tail.length() - 4096);
                    }
                }
                Matcher counts = COUNTS.matcher(tail);
                List<Integer> found = counts.find() ? List.of(Integer.parseInt(counts.group(1)),
                        Integer.parseInt(counts.group(2)), Integer.parseInt(counts.group(3))) : List.of();
                return new Outcome(response.statusCode(), bytes, found);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private int health(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Asks for liveness once a second until stopped: how long each answer took; -1 for one that failed. */
    private final class Probes {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> millis = new ArrayList<>();
        private final Thread thread;

        Probes(int port) {
            thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    long took;
                    try {
                        took = health(port) == 200 ? (System.nanoTime() - start) / 1_000_000 : -1;
                    } catch (IOException | InterruptedException e) {
                        took = -1;
                    }
                    synchronized (millis) {
                        millis.add(took);
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        List<Long> stop() throws InterruptedException {
            running.set(false);
            thread.join();
            synchronized (millis) {
                return List.copyOf(millis);
            }
        }
    }

    private static long size(Path directory) throws IOException {
        AtomicLong total = new AtomicLong();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> total.addAndGet(file.toFile().length()));
        }
        return total.get();
    }
}
