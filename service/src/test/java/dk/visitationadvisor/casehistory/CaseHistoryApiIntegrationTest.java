package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import dk.visitationadvisor.support.FamilyJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
class CaseHistoryApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    static String family(String caseRef, String date, String level) {
        return FamilyJson.inCourse(caseRef, date, level);
    }

    private MvcResult assess(String body) throws Exception {
        return mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(body))
                .andExpect(status().isCreated())
                .andReturn();
    }

    private static String newCase() {
        return "K-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readsAnAssessmentBackExactlyAsItWasAnswered() throws Exception {
        MvcResult answered = assess(family(newCase(), "2026-11-22", "SIGNIFICANT"));
        String body = answered.getResponse().getContentAsString();
        String location = answered.getResponse().getHeader("Location");

        String read = mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();

        assertThat(read).isEqualTo(body);
    }

    @Test
    void givesTheCaseTimelineNewestFirst() throws Exception {
        String caseRef = newCase();
        String first = json.readTree(assess(family(caseRef, "2026-10-20", "MODERATE")).getResponse()
                .getContentAsString()).path("assessmentId").asString();
        String second = json.readTree(assess(family(caseRef, "2026-11-22", "SIGNIFICANT")).getResponse()
                .getContentAsString()).path("assessmentId").asString();

        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", caseRef))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalAssessments").value(2))
                .andExpect(jsonPath("$.assessments[0].assessmentId").value(second))
                .andExpect(jsonPath("$.assessments[0].concernLevel").value("SIGNIFICANT"))
                .andExpect(jsonPath("$.assessments[0].escalations[*].code", hasItem("ESC-CONCERN-RISING")))
                .andExpect(jsonPath("$.assessments[1].assessmentId").value(first))
                .andExpect(jsonPath("$.assessments[1].phase").value("PRENATAL"));
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments?page=1&size=1", caseRef))
                .andExpect(jsonPath("$.assessments.length()").value(1))
                .andExpect(jsonPath("$.assessments[0].assessmentId").value(first));
    }

    @Test
    void explainsARisingConcernByTheEarlierAssessment() throws Exception {
        String caseRef = newCase();
        JsonNode earlier = json.readTree(assess(family(caseRef, "2026-10-20", "MODERATE")).getResponse()
                .getContentAsString());
        JsonNode later = json.readTree(assess(family(caseRef, "2026-11-22", "SIGNIFICANT")).getResponse()
                .getContentAsString());

        JsonNode rising = later.path("escalations").get(0);
        assertThat(rising.path("code").asString()).isEqualTo("ESC-CONCERN-RISING");
        assertThat(rising.path("facts").toString())
                .contains("previousAssessment.concernLevel = MODERATE")
                .contains("previousAssessment = " + earlier.path("assessmentId").asString() + " of 2026-10-20");
    }

    @Test
    void storesNothingForARejectedRequest() throws Exception {
        String caseRef = newCase();
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(family(caseRef, "2026-11-22", "VERY_HIGH")))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", caseRef))
                .andExpect(jsonPath("$.totalAssessments").value(0));
    }

    @Test
    void previewsAnAssessmentAgainstTheHistoryWithoutStoringIt() throws Exception {
        String caseRef = newCase();
        assess(family(caseRef, "2026-10-20", "MODERATE"));

        mvc.perform(post("/api/v1/assessments/preview").contentType(MediaType.APPLICATION_JSON)
                        .content(family(caseRef, "2026-11-22", "SIGNIFICANT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalations[*].code", hasItem("ESC-CONCERN-RISING")));

        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", caseRef))
                .andExpect(jsonPath("$.totalAssessments").value(1));
    }

    @Test
    void answersAnUnknownAssessmentWithNotFound() throws Exception {
        mvc.perform(get("/api/v1/assessments/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesATimelinePageLargerThanTheLimit() throws Exception {
        mvc.perform(get("/api/v1/cases/K-1/assessments?size=1000").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", startsWith("The request has 1 invalid field")));
    }
}
