import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak driver of service/load/soak.sh (JDK only, run as `java Soak.java`): clients send a steady
 * mix of assessments, reads of stored answers, case timelines and previews, while a rule set is
 * activated every 30 s (alternating two candidates). Every so often it samples the service: the live
 * heap (a class histogram, after a full GC, by jcmd), live threads, and database connections (Actuator
 * metrics). At the end it
 * reads back every assessment answered 201 and compares it byte for byte.
 *
 *   java Soak.java PORT PID SECONDS SAMPLE_SECONDS RULES_DIR [CLIENTS]
 */
public class Soak {

    private static final Pattern ID = Pattern.compile("^\\{\"assessmentId\":\"([0-9a-f-]{36})\"");
    private static final Pattern VALUE = Pattern.compile("\"statistic\":\"VALUE\",\"value\":([0-9.E+-]+)");
    private static final String[] LEVELS = {"LOW", "MODERATE", "SIGNIFICANT", "ACUTE"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
    /** Every assessment answered 201: its id and the SHA-256 of its answer. */
    private final ConcurrentLinkedQueue<String[]> answered = new ConcurrentLinkedQueue<>();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean running = true;

    Soak(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int sampleSeconds = Integer.parseInt(args[3]);
        Path rules = Path.of(args[4]);
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        new Soak(port).run(pid, seconds, sampleSeconds, rules, clients);
    }

    void run(long pid, int seconds, int sampleSeconds, Path rules, int clients) throws Exception {
        String parameters = Files.readString(rules.resolve("parameters.yaml"));
        String stricter = parameters.replaceFirst(
                "(intensiveInfant\\.minimumRiskFactors:(?:\\n .*)*\\n    2020-01-01: )2\\n", "$13\n");
        if (stricter.equals(parameters)) {
            throw new IllegalStateException("parameters.yaml no longer has intensiveInfant.minimumRiskFactors at 2");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        for (int c = 0; c < clients; c++) {
            long seed = c;
            pool.submit(() -> client(new Random(seed)));
        }
        pool.submit(() -> activations(parameters, stricter));

        long start = System.nanoTime();
        System.out.printf("%8s %10s %9s %12s %8s %13s %12s %10s%n", "minute", "requests", "failures", "live heap MB",
                "threads", "db active/all", "activations", "H2 chunks");
        List<double[]> samples = new ArrayList<>();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            samples.add(sample(pid, start));
            Thread.sleep(sampleSeconds * 1000L);
        }
        running = false;
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        samples.add(sample(pid, start));

        long lost = 0;
        long checked = 0;
        for (String[] answer : answered) {
            HttpResponse<String> stored = send(signedIn(URI.create(base + "/api/v1/assessments/" + answer[0]))
                    .GET().build());
            checked++;
            if (stored == null || stored.statusCode() != 200 || !digest(stored.body()).equals(answer[1])) {
                lost++;
            }
        }
        double[] first = samples.get(1 < samples.size() ? 1 : 0);
        double[] last = samples.get(samples.size() - 1);
        double maxHeap = samples.stream().mapToDouble(s -> s[3]).max().orElse(0);
        System.out.println();
        System.out.println("requests by kind:  " + new TreeMap<>(sent));
        System.out.println("failures by kind:  " + new TreeMap<>(failed));
        failures.stream().limit(10).forEach(f -> System.out.println("  failure: " + f));
        System.out.printf("records: %d answered 201, %d read back, %d lost or different%n", answered.size(), checked,
                lost);
        System.out.printf("live heap: %.1f MB after the first minute, %.1f MB at the end, at most %.1f MB; H2 chunks"
                + " in memory: %.0f to %.0f%n", first[3], last[3], maxHeap, first[7], last[7]);
        System.out.printf("threads: %.0f after the first minute, %.0f at the end; db connections at the end: %.0f active"
                + " of %.0f%n", first[4], last[4], last[5], last[6]);
        long totalFailed = failed.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.println(totalFailed == 0 && lost == 0 ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(totalFailed == 0 && lost == 0 ? 0 : 1);
    }

    /** One client: a steady mix of the calls caseworkers' systems make. */
    private Void client(Random random) {
        List<String[]> mine = new ArrayList<>();
        while (running) {
            int roll = random.nextInt(100);
            String caseRef = "SOAK-" + random.nextInt(500);
            if (roll < 55 || mine.isEmpty()) {
                HttpResponse<String> answer = call("assess", 201, post("/api/v1/assessments", family(caseRef, random)));
                if (answer != null && answer.statusCode() == 201) {
                    Matcher id = ID.matcher(answer.body());
                    if (id.find()) {
                        String[] record = {id.group(1), digest(answer.body())};
                        answered.add(record);
                        mine.add(record);
                    }
                }
            } else if (roll < 80) {
                String[] record = mine.get(random.nextInt(mine.size()));
                HttpResponse<String> read = call("read", 200, signedIn(
                        URI.create(base + "/api/v1/assessments/" + record[0])).GET().build());
                if (read != null && read.statusCode() == 200 && !digest(read.body()).equals(record[1])) {
                    fail("read", "assessment " + record[0] + " differs from its answer");
                }
            } else if (roll < 95) {
                call("timeline", 200, signedIn(
                        URI.create(base + "/api/v1/cases/" + caseRef + "/assessments?page=0&size=20")).GET().build());
            } else {
                call("preview", 200, post("/api/v1/assessments/preview", family(caseRef, random)));
            }
        }
        return null;
    }

    /** A rule-set activation every 30 s, alternating the repository's parameters and a stricter one. */
    private Void activations(String parameters, String stricter) throws InterruptedException {
        int n = 0;
        while (running) {
            for (int i = 0; i < 300 && running; i++) {
                Thread.sleep(100);
            }
            if (!running) {
                break;
            }
            n++;
            String files = (n % 2 == 1 ? stricter : parameters).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n");
            call("activate", 201, post("/api/v1/rule-sets/activations", "{\"reason\": \"soak " + n
                    + "\", \"candidate\": {\"files\": {\"parameters.yaml\": \"" + files + "\"}}}"));
        }
        return null;
    }

    private static String digest(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String family(String caseRef, Random random) {
        return """
                {"caseRef": "%s", "pregnancy": {"gestationalWeek": %d},
                 "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                              "substanceUse": "NONE", "retentionAgreement": false, "mentalIllness": "MILD_MODERATE",
                              "cognitiveFunction": "NORMAL"}],
                 "concern": {"level": "%s", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                             "placementNecessary": false},
                 "consent": true, "housing": "STABLE", "network": "LIMITED",
                 "measurements": {"epds": %d, "epdsRespondent": "MOTHER", "ors": %d, "orsRater": "PARENT"}}
                """.formatted(caseRef, 10 + random.nextInt(30), LEVELS[random.nextInt(4)], random.nextInt(31),
                random.nextInt(41));
    }

    /** Signed in as the account the script started the service with (ADVISOR_AUTHORIZATION). */
    private static HttpRequest.Builder signedIn(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", System.getenv("ADVISOR_AUTHORIZATION"));
    }

    private HttpRequest post(String path, String body) {
        return signedIn(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> call(String kind, int expected, HttpRequest request) {
        sent.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        HttpResponse<String> response = send(request);
        if (response == null || response.statusCode() != expected) {
            fail(kind, response == null ? "no answer" : response.statusCode() + " " + response.body());
        }
        return response;
    }

    private synchronized void fail(String kind, String what) {
        failed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (failures.size() < 10) {
            failures.add(kind + ": " + (what.length() > 300 ? what.substring(0, 300) : what));
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * minute, requests, failures, live heap MB, threads, db active, db all, H2 chunks; printed as a row.
     * The live heap is what a class histogram counts, which forces a full GC first: the heap used
     * sampled after a GC would also count what the clients allocated meanwhile.
     */
    private double[] sample(long pid, long start) throws Exception {
        Process histogram = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        double live = Double.NaN;
        double chunks = 0;
        for (String line : new String(histogram.getInputStream().readAllBytes()).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns[0].equals("Total") && columns.length >= 3) {
                live = Double.parseDouble(columns[2]) / 1024 / 1024;
            } else if (columns.length >= 4 && columns[3].equals("org.h2.mvstore.SFChunk")) {
                chunks = Double.parseDouble(columns[1]);
            }
        }
        histogram.waitFor();
        double[] row = {(System.nanoTime() - start) / 60e9, sent.values().stream().mapToLong(AtomicLong::get).sum(),
                failed.values().stream().mapToLong(AtomicLong::get).sum(), live, metric("jvm.threads.live"),
                metric("hikaricp.connections.active"), metric("hikaricp.connections"), chunks};
        System.out.printf("%8.1f %10.0f %9.0f %12.1f %8.0f %8.0f/%-4.0f %12d %10.0f%n", row[0], row[1], row[2], row[3],
                row[4], row[5], row[6], sent.getOrDefault("activate", new AtomicLong()).get(), row[7]);
        return row;
    }

    private double metric(String name) {
        HttpResponse<String> response = send(signedIn(URI.create(base + "/actuator/metrics/" + name))
                .GET().build());
        if (response == null || response.statusCode() != 200) {
            return Double.NaN;
        }
        Matcher value = VALUE.matcher(response.body());
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }
}
