package dk.visitationadvisor.cli;

import dk.visitationadvisor.rulesets.CandidateRuleSet;
import dk.visitationadvisor.ruleengine.RuleFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service's rule-set API, as the command line calls it: a rules directory is sent whole,
 * so that what is previewed or activated is exactly what is in the directory.
 */
final class AuthoringService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A preview replays every stored assessment; give it time. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    /** The Authorization header's value; null to call without credentials. */
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AuthoringService(String base, String authorization) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = authorization;
    }

    /** The service's answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** @param asOf the date whose parameter values both rule sets answer with; null for each assessment's own */
    Answer impact(RuleFiles rules, LocalDate from, LocalDate to, int limit, LocalDate asOf)
            throws IOException, InterruptedException {
        StringJoiner query = new StringJoiner("&", "?", "").add("limit=" + limit);
        if (from != null) {
            query.add("from=" + from);
        }
        if (to != null) {
            query.add("to=" + to);
        }
        if (asOf != null) {
            query.add("asOf=" + asOf);
        }
        return post("api/v1/rule-sets/impact" + query, CandidateRuleSet.complete(rules.contents()));
    }

    Answer activate(RuleFiles rules, String reason) throws IOException, InterruptedException {
        return post("api/v1/rule-sets/activations",
                Map.of("reason", reason, "candidate", CandidateRuleSet.complete(rules.contents())));
    }

    /** Makes an earlier version, on record at the service, live again. */
    Answer rollback(String version, String reason) throws IOException, InterruptedException {
        return post("api/v1/rule-sets/activations", Map.of("reason", reason, "version", version));
    }

    private Answer post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            json = JSON.createObjectNode().put("detail", "HTTP " + response.statusCode() + " without a JSON body");
        }
        return new Answer(response.statusCode(), json);
    }
}
