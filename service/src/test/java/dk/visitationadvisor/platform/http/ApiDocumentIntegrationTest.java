package dk.visitationadvisor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API document as an integrating system reads it: named, with its sign-in schemes, every
 * operation named and with the statuses it really answers, every error a problem document, and no
 * type a generated client cannot use. It is written to target/openapi.json, where .ci/run lints it
 * (Redocly's recommended rules).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api-document;DB_CLOSE_DELAY=-1")
class ApiDocumentIntegrationTest {

    @LocalServerPort
    int port;

    private JsonNode document() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), BodyHandlers.ofString()).body();
        Files.writeString(Path.of("target", "openapi.json"), body);
        return JsonMapper.builder().build().readTree(body);
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode document) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()))));
        return operations;
    }

    @Test
    void namesTheServiceAndHowToSignIn() throws Exception {
        JsonNode document = document();
        assertThat(document.at("/info/title").asString()).isEqualTo("Visitation Advisor API");
        assertThat(document.at("/info/version").asString()).isEqualTo("v1");
        assertThat(document.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("security").toString()).contains("basic", "bearer");
    }

    @Test
    void everyOperationHasANameOfItsOwn() throws Exception {
        List<String> ids = operations(document()).stream().map(op -> op.getValue().path("operationId").asString()).toList();
        assertThat(ids).allMatch(id -> id.matches("[a-z][A-Za-z]+"), "a name without a number added").doesNotHaveDuplicates();
    }

    @Test
    void everyErrorIsAProblemDocumentAndEveryOperationSaysWhoMayNot() throws Exception {
        for (Map.Entry<String, JsonNode> operation : operations(document())) {
            JsonNode responses = operation.getValue().get("responses");
            assertThat(responses.has("401") && responses.has("403") && responses.has("500")).as(operation.getKey()).isTrue();
            responses.properties().stream().filter(r -> r.getKey().matches("[45]\\d\\d")).forEach(response -> {
                assertThat(response.getValue().get("content").propertyNames()).as(operation.getKey() + " " + response.getKey())
                        .containsExactly("application/problem+json");
                assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                        .isEqualTo("#/components/schemas/Problem");
            });
        }
    }

    @Test
    void statusesAreTheOnesAnswered() throws Exception {
        JsonNode paths = document().get("paths");
        assertThat(paths.at("/~1api~1v1~1assessments~1{assessmentId}~1decision/put/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1assessments~1{assessmentId}~1decision/put/responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1v1~1accounts/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1accounts~1{username}/delete/responses").has("204")).isTrue();
        assertThat(paths.at("/~1api~1v1~1rule-sets~1activations/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1rule-sets~1impact/post/responses").has("200")).isTrue();
        assertThat(paths.at("/~1api~1v1~1rules/get/responses/200/content").propertyNames().iterator().next())
                .isEqualTo("application/json");
    }

    @Test
    void typesAreOnesAClientCanGenerate() throws Exception {
        JsonNode document = document();
        JsonNode schemas = document.at("/components/schemas");
        assertThat(schemas.propertyNames()).doesNotContain("JsonNode", "Entry").contains("AuditEntry", "RuleEntry", "Problem");
        assertThat(document.at("/paths/~1api~1v1~1rule-sets~1validation/post/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/CandidateRuleSet");
        // Unknown fields are refused, and the schema says so, down to the objects a request contains.
        assertThat(schemas.at("/AssessmentRequest/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.at("/Parent/additionalProperties").asBoolean(true)).isFalse();
        // What the service sends as null, the schema allows as null.
        assertThat(schemas.at("/AssessmentResponse/properties/recommendedProgramme/type").toString()).contains("null");
        assertThat(schemas.at("/AssessmentResponse/properties/visitPlan/anyOf").toString()).contains("null");
        assertThat(schemas.at("/DecisionRequest/properties/reason/minLength").asInt()).isEqualTo(1);
    }
}
