package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.RuleDirectories;
import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule file that throws at run time (here: a division by zero in a condition, for families whose
 * EPDS item 10 is 3) fails only the requests it throws for: each gets a 500 problem document with an
 * incident id and stores nothing, the others go on getting their 201 alongside, and the incident is
 * logged without the family's data.
 */
class RuleFailureIntegrationTest {

    private static final String CASE_REF = "K-PRIVATE-8157";
    private static final String BROKEN_CONDITION = "$m : Measurements( epdsSelfHarm != null, "
            + "epdsSelfHarm > params.value( \"instruments.epds.selfHarmUrgentAbove\" ) )";

    @TempDir
    Path rules;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRuleThatThrowsFailsOnlyItsOwnRequestsWithAnIncidentLoggedWithoutPersonalData() throws Exception {
        RuleDirectories.copyInto(rules);
        RuleDirectories.replace(rules, "escalation/parent-depression.drl", BROKEN_CONDITION,
                "$m : Measurements( epdsSelfHarm != null, 10 / ( 3 - epdsSelfHarm ) > 0 )");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(VisitationAdvisorApplication.class)
                .run("--server.port=0", "--advisor.rules.directory=" + rules,
                        "--spring.datasource.url=jdbc:h2:mem:rule-failure;DB_CLOSE_DELAY=-1")) {
            // After start-up, which sets logging up anew.
            log.start();
            root.addAppender(log);
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();

            // 40 requests from 4 clients at once; every fourth family makes the broken condition divide by zero.
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int selfHarm = i % 4 == 0 ? 3 : i % 3;
                String caseRef = i % 4 == 0 ? CASE_REF : "K-OTHER-" + i;
                answers.add(clients.submit(() -> post(port, family(caseRef, selfHarm))));
            }
            clients.shutdown();

            List<String> incidents = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                if (i % 4 == 0) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    JsonNode problem = json.readTree(answer.body());
                    assertThat(problem.path("type").asString()).isEqualTo("/problems/rule-failure");
                    assertThat(problem.path("title").asString()).isEqualTo("The rules failed");
                    assertThat(problem.path("rulesetVersion").asString()).matches("[0-9a-f]{16}");
                    assertThat(problem.path("detail").asString()).contains(problem.path("incident").asString())
                            .contains("nothing is stored");
                    assertThat(answer.body()).doesNotContain(CASE_REF);
                    incidents.add(problem.path("incident").asString());
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                }
            }
            assertThat(incidents).hasSize(10).doesNotHaveDuplicates();

            // Nothing of the failed requests is stored; the others are.
            assertThat(json.readTree(get(port, "/api/v1/cases/" + CASE_REF + "/assessments").body())
                    .path("totalAssessments").asInt()).isZero();
            assertThat(json.readTree(get(port, "/api/v1/cases/K-OTHER-1/assessments").body())
                    .path("totalAssessments").asInt()).isOne();

            List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertThat(errors).hasSize(10);
            for (String incident : incidents) {
                assertThat(errors).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Incident " + incident)
                        .contains("ESC-PARENT-DEPRESSION").contains("ArithmeticException"));
            }
            for (ILoggingEvent event : log.list) {
                String logged = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
                assertThat(logged).doesNotContain(CASE_REF).doesNotContain("2025-03-17").doesNotContain("epdsSelfHarm=")
                        .doesNotContain("Measurements[");
            }
        } finally {
            root.detachAppender(log);
        }
    }

    private static String family(String caseRef, int selfHarm) {
        return """
                {"caseRef": "%s", "assessmentDate": "2025-03-17", "pregnancy": {"gestationalWeek": 30},
                 "measurements": {"epds": 11, "epdsSelfHarm": %d, "epdsRespondent": "MOTHER"}}
                """.formatted(caseRef, selfHarm);
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                .header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestAccount.basicAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
