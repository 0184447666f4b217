package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dk.visitationadvisor.support.FamilyJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "CASEWORKER")
class AssessmentBatchIntegrationTest {

    private static final String BATCH = "/api/v1/assessments:batch";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private static String family(String caseRef, String date, String level) {
        return FamilyJson.inCourse(caseRef, date, level);
    }

    private static String batch(List<String> families) {
        return "{\"assessments\": [" + String.join(",", families) + "]}";
    }

    private static MockHttpServletRequestBuilder post(String body) {
        return MockMvcRequestBuilders.post(BATCH)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions inEnglish(String body) throws Exception {
        return mvc.perform(post(body).header("Accept-Language", "en"));
    }

    private static String newCase() {
        return "K-B-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void answersEveryFamilyByIndexAndABadOneFailsNoOther() throws Exception {
        String first = newCase();
        String second = newCase();
        String answer = inEnglish(batch(List.of(family(first, "2026-11-22", "SIGNIFICANT"),
                        "{\"caseRef\": \"K-bad\", \"parents\": [{\"role\": \"AUNT\"}], \"colour\": \"blue\"}",
                        family(second, "2026-11-22", "MODERATE"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.invalid").value(1))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.results[*].index", contains(0, 1, 2)))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[0].href", matchesPattern("/api/v1/assessments/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.results[0].assessment.caseRef").value(first))
                .andExpect(jsonPath("$.results[0].assessment.programmes[*].reasons[*].text",
                        hasItem("There is significant concern whether the parents can care for the child, so that "
                                + "placement in network or foster care after birth is being considered.")))
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].errors[*].field", containsInAnyOrder("colour", "parents[0].role")))
                .andExpect(jsonPath("$.results[1].errors[?(@.field == 'colour')].message")
                        .value("is not a field of this request"))
                .andExpect(jsonPath("$.results[1].assessmentId").doesNotExist())
                .andExpect(jsonPath("$.results[2].status").value("CREATED"))
                .andExpect(jsonPath("$.results[2].assessment.caseRef").value(second))
                .andReturn().getResponse().getContentAsString();

        // Each answer is stored exactly as it is in the batch's answer.
        for (int index : List.of(0, 2)) {
            String href = JsonPath.read(answer, "$.results[" + index + "].href");
            Object inBatch = JsonPath.read(answer, "$.results[" + index + "].assessment");
            String stored = mvc.perform(get(href)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(json.readTree(stored))
                    .isEqualTo(json.valueToTree(inBatch));
        }
        mvc.perform(get("/api/v1/cases/K-bad/assessments")).andExpect(jsonPath("$.totalAssessments").value(0));
    }

    @Test
    void withoutAnswersEachStoredFamilyHasItsIdAndHrefOnly() throws Exception {
        String caseRef = newCase();
        String answer = mvc.perform(post(batch(List.of(family(caseRef, "2026-11-22", "SIGNIFICANT"),
                        "{\"caseRef\": \"K-bad\", \"colour\": \"blue\"}"))).param("answers", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.invalid").value(1))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[0].assessment").doesNotExist())
                .andExpect(jsonPath("$.results[1].errors[0].field").value("colour"))
                .andReturn().getResponse().getContentAsString();

        // Stored all the same: the answer is there to read.
        mvc.perform(get(JsonPath.<String>read(answer, "$.results[0].href")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseRef").value(caseRef));
    }

    @Test
    void explainsABadFamilyInDanishByDefault() throws Exception {
        mvc.perform(post(batch(List.of("{\"caseRef\": \"K-1\", \"consent\": \"ja\"}", "[1]"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invalid").value(2))
                .andExpect(jsonPath("$.results[0].errors[0].field").value("consent"))
                .andExpect(jsonPath("$.results[0].errors[0].message").value("skal være true, false eller null"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value(""))
                .andExpect(jsonPath("$.results[1].errors[0].message").value("skal være et JSON-objekt"));
    }

    /** The families of one case are assessed in the order sent, each against the one before it. */
    @Test
    void assessesTheFamiliesOfOneCaseInOrderEachAgainstTheOneBefore() throws Exception {
        String caseRef = newCase();
        String answer = inEnglish(batch(List.of(family(caseRef, "2026-10-20", "MODERATE"),
                        family(newCase(), "2026-11-22", "MODERATE"),
                        family(caseRef, "2026-11-22", "SIGNIFICANT"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.results[0].assessment.escalations[*].code",
                        not(hasItem("ESC-CONCERN-RISING"))))
                .andExpect(jsonPath("$.results[2].assessment.escalations[*].code", hasItem("ESC-CONCERN-RISING")))
                .andReturn().getResponse().getContentAsString();
        String firstId = JsonPath.read(answer, "$.results[0].assessmentId");
        List<String> facts = JsonPath.read(answer,
                "$.results[2].assessment.escalations[?(@.code == 'ESC-CONCERN-RISING')].facts[*]");
        assertThat(facts).anySatisfy(fact ->
                assertThat(fact).contains(firstId));
        mvc.perform(get("/api/v1/cases/" + caseRef + "/assessments")).andExpect(jsonPath("$.totalAssessments").value(2));
    }

    @Test
    void refusesABatchThatIsNotAListOfFamilies() throws Exception {
        inEnglish("{\"assessments\": {}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessments"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a list"));
        inEnglish("{\"assessments\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must list at least one family"));
        inEnglish("{\"families\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("families"));
        inEnglish("[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be a JSON object"));
    }

    @Test
    void refusesMoreFamiliesThanTheLimitAndStoresNone() throws Exception {
        String caseRef = newCase();
        List<String> families = new ArrayList<>(Collections.nCopies(10_000, "{}"));
        families.set(0, family(caseRef, "2026-11-22", "MODERATE"));
        families.add("{}");
        inEnglish(batch(families)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessments"))
                .andExpect(jsonPath("$.errors[0].message").value("must list at most 10,000 families; send more batches"));
        mvc.perform(get("/api/v1/cases/" + caseRef + "/assessments")).andExpect(jsonPath("$.totalAssessments").value(0));
    }

    /** The batch takes bodies far over the single endpoint's 64 KiB, up to its own limit. */
    @Test
    void hasABodyLimitOfItsOwn() throws Exception {
        String padding = " ".repeat(100_000);
        mvc.perform(post("{\"assessments\": [" + family(newCase(), "2026-11-22", "MODERATE") + padding + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(family(newCase(), "2026-11-22", "MODERATE") + padding))
                .andExpect(status().isContentTooLarge());
        inEnglish("{\"assessments\": [\"" + "a".repeat(17_000_000) + "\"]}")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body is larger than this endpoint accepts."));
    }

    @Test
    void isDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/assessments:batch'].post").exists());
    }
}
