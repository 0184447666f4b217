package dk.visitationadvisor.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Clients that post assessments to a service over HTTP until stopped, and keep every answer: for
 * the fault tests, which check afterwards that each {@code 201} is on record.
 */
public final class AssessmentLoad implements AutoCloseable {

    /** What one request got: an HTTP answer, or the error that kept it from one. */
    public record Answer(long sentAtNanos, int status, String body, Optional<String> retryAfter,
            Optional<String> contentType, IOException error) {

        public boolean created() {
            return status == 201;
        }

        @Override
        public String toString() {
            return error != null ? "no answer: " + error
                    : status + " " + (body.length() <= 300 ? body : body.substring(0, 300) + "…");
        }

        /** The request never reached the service: nothing can have been stored for it. */
        public boolean refusedConnection() {
            return error instanceof ConnectException;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService clients;

    /**
     * Starts {@code clients} clients against {@code port()} (asked before each request, so that a
     * restarted service on another port is found), each posting the family {@code family(n)} for
     * its n-th request.
     */
    public AssessmentLoad(int clients, IntSupplier port, java.util.function.IntFunction<String> family) {
        this.clients = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            this.clients.submit(() -> {
                while (running.get()) {
                    answers.add(post(port.getAsInt(), family.apply(sent.incrementAndGet())));
                }
                return null;
            });
        }
    }

    private Answer post(int port, String family) {
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                    .header("Authorization", TestAccount.basicAuthorization())
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(family)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(sentAt, response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"), response.headers().firstValue("Content-Type"), null);
        } catch (IOException e) {
            pause();
            return new Answer(sentAt, 0, null, Optional.empty(), Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(sentAt, 0, null, Optional.empty(), Optional.empty(), new IOException(e));
        }
    }

    /** A client that could not connect waits a little, rather than spinning. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads back every assessment answered {@code 201} from the service on {@code port}: the ids
     * that are not on record, or whose record differs from the answer by a byte.
     */
    public static List<String> notOnRecord(List<Answer> answers, int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> lost = new ArrayList<>();
        for (Answer answer : answers) {
            if (!answer.created()) {
                continue;
            }
            java.util.regex.Matcher id = ASSESSMENT_ID.matcher(answer.body());
            if (!id.find()) {
                lost.add("an answer without an assessmentId");
                continue;
            }
            HttpResponse<String> stored = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/assessments/" + id.group(1)))
                    .header("Authorization", TestAccount.basicAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() != 200) {
                lost.add(id.group(1) + " is not on record (" + stored.statusCode() + ")");
            } else if (!stored.body().equals(answer.body())) {
                lost.add(id.group(1) + " differs from its answer");
            }
        }
        return lost;
    }

    /** The contract's example family (docs/api-guide.md), under a case reference of the test's. */
    public static String family(String caseRef) {
        return """
                {"caseRef": "%s", "assessmentDate": "2026-11-02", "pregnancy": {"gestationalWeek": 24},
                 "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                              "substanceUse": "NONE", "retentionAgreement": false, "mentalIllness": "MILD_MODERATE",
                              "cognitiveFunction": "NORMAL"}],
                 "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                             "placementNecessary": false},
                 "consent": true, "housing": "STABLE", "network": "LIMITED"}
                """.formatted(caseRef);
    }

    /** The stored assessments. */
    public static long rows(java.sql.Connection database) throws java.sql.SQLException {
        try (java.sql.ResultSet count = database.createStatement().executeQuery("SELECT COUNT(*) FROM assessment")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Stored assessments without their rule set's row, or with an answer that is not whole JSON. */
    public static long halfStored(java.sql.Connection database) throws java.sql.SQLException {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        long half = 0;
        try (java.sql.ResultSet rows = database.createStatement().executeQuery("SELECT a.response_json, v.version "
                + "FROM assessment a LEFT JOIN rule_set_version v ON v.version = a.ruleset_version")) {
            while (rows.next()) {
                try {
                    if (rows.getString(2) == null || json.readTree(rows.getString(1)).path("programmes").size() != 2) {
                        half++;
                    }
                } catch (tools.jackson.core.JacksonException notWhole) {
                    half++;
                }
            }
        }
        return half;
    }

    private static final java.util.regex.Pattern ASSESSMENT_ID =
            java.util.regex.Pattern.compile("^\\{\"assessmentId\":\"([0-9a-f-]{36})\"");

    /** The answers so far. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Waits until at least {@code count} more answers satisfying {@code test} came in, or the time is up. */
    public boolean awaitAnswers(java.util.function.Predicate<Answer> test, int count, Duration timeout)
            throws InterruptedException {
        long before = answers.stream().filter(test).count();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers.stream().filter(test).count() >= before + count) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Stops the clients, letting each finish the request it is sending, and returns every answer. */
    public List<Answer> stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return new ArrayList<>(answers);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
