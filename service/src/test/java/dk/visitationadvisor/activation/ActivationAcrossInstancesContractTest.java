package dk.visitationadvisor.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.support.RuleDirectories;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database: an activation on one is live on the other within the sync interval
 * plus the time to build the rule set; an instance started afterwards with the same rules directory
 * keeps the activated version, and one started with new rule files deploys them.
 */
abstract class ActivationAcrossInstancesContractTest {

    private static final Duration SYNC_INTERVAL = Duration.ofMillis(200);
    /** The bound: one sync interval, and building the rule set (some 5 s on a busy 2-core machine). */
    private static final Duration CONVERGENCE_BOUND = SYNC_INTERVAL.plusSeconds(30);

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The instances' datasource settings: one database, empty at the start of the test. */
    abstract List<String> database();

    @Test
    void everyInstanceFollowsTheActivationLogAndARestartKeepsTheActivatedVersion() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            String original = liveVersion(second);
            HttpResponse<String> activation = post(first, "/api/v1/rule-sets/activations", CandidateFiles.activating(
                    "stricter", Map.of(CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant())));
            assertThat(activation.statusCode()).as(activation.body()).isEqualTo(201);
            String activated = JsonPath.read(activation.body(), "$.version");
            assertThat(liveVersion(first)).isEqualTo(activated);

            System.out.printf("The second instance followed the activation in %d ms%n",
                    awaitLiveVersion(second, activated).toMillis());

            // A restart with the same rule files does not undo the activation.
            try (ConfigurableApplicationContext third = start()) {
                assertThat(liveVersion(third)).isEqualTo(activated);
                List<String> kinds = JsonPath.read(get(third, "/api/v1/rule-sets/activations").body(), "$[*].kind");
                assertThat(kinds).containsExactly("ACTIVATED", "DEPLOYED");
                assertThat(original).isNotEqualTo(activated);
            }

            // New rule files in the rules directory are a deployment: they go live, and the others follow.
            Path rules = RuleDirectories.copyInto(folder.resolve("rules"));
            RuleDirectories.replace(rules, "intensive-infant/inclusion.drl", "@text_en(\"The parents have at least",
                    "@text_en(\"Deployed: the parents have at least");
            try (ConfigurableApplicationContext deployed = start("--advisor.rules.directory=" + rules)) {
                String deployedVersion = liveVersion(deployed);
                assertThat(deployedVersion).isNotIn(original, activated);
                assertThat(JsonPath.<List<String>>read(get(deployed, "/api/v1/rule-sets/activations").body(),
                        "$[*].kind")).containsExactly("DEPLOYED", "ACTIVATED", "DEPLOYED");
                awaitLiveVersion(first, deployedVersion);
            }
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(database());
        arguments.addAll(List.of("--server.port=0",
                "--advisor.rules.activation.require-passing-scenarios=false",
                "--advisor.rules.activation.sync-interval=" + SYNC_INTERVAL));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(VisitationAdvisorApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Waits until the instance answers with the version, failing after the bound; the time it took. */
    private Duration awaitLiveVersion(ConfigurableApplicationContext instance, String version) throws Exception {
        long start = System.nanoTime();
        while (!liveVersion(instance).equals(version)) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CONVERGENCE_BOUND);
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private String liveVersion(ConfigurableApplicationContext instance) throws Exception {
        return JsonPath.read(get(instance, "/api/v1/rules").body(), "$.rulesetVersion");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", TestAccount.basicAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String json)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", TestAccount.basicAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
