package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "Try it" as a newcomer pastes it: the request in its curl command gets 201, and the
 * abridged answer the README shows is what the service answers now (every value it shows, in order).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:readme-example;DB_CLOSE_DELAY=-1")
class ReadmeExampleIntegrationTest {

    private static final Pattern CURL_BODY = Pattern.compile("(?s)```sh\\ncurl [^`]*?-d '(\\{.*?})'\\n```");
    private static final Pattern SHOWN_ANSWER = Pattern.compile("(?s)The answer \\(`201 Created`, abridged\\):\\n\\n```json\\n(.*?)```");
    /** A "name": "value" pair the README shows, with a string value. */
    private static final Pattern SHOWN_VALUE = Pattern.compile("\"(\\w+)\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    @LocalServerPort
    int port;

    @Test
    void theReadmesRequestGetsTheAnswerTheReadmeShows() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher curl = CURL_BODY.matcher(readme);
        Matcher shown = SHOWN_ANSWER.matcher(readme);
        assertThat(curl.find()).as("the README's curl command").isTrue();
        assertThat(shown.find()).as("the README's sample answer").isTrue();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                .header("Authorization", TestAccount.basicAuthorization())
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(BodyPublishers.ofString(curl.group(1))).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<String> answered = stringValues(JsonMapper.builder().build().readTree(response.body()), new ArrayList<>());
        Matcher value = SHOWN_VALUE.matcher(shown.group(1));
        while (value.find()) {
            String name = value.group(1);
            String text = value.group(2).replace("\\\"", "\"");
            if (name.equals("rulesetVersion")) {
                continue; // changes with every edit of the rules; the README says so
            }
            // An abridged text ends in "…": its beginning must be there.
            String beginning = text.endsWith("…") ? text.substring(0, text.length() - 1).strip() : text;
            assertThat(answered).as("README shows %s: %s", name, text)
                    .anyMatch(v -> text.endsWith("…") ? v.startsWith(beginning) : v.equals(text));
        }
        assertThat(shown.group(1)).contains("\"missingInformation\": []");
        assertThat(response.body()).contains("\"missingInformation\":[]");
    }

    private static List<String> stringValues(JsonNode node, List<String> values) {
        if (node.isString()) {
            values.add(node.asString());
        }
        node.forEach(child -> stringValues(child, values));
        return values;
    }
}
