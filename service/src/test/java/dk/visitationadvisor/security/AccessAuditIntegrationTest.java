package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.FamilyJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access audit's findings: every read of case data is recorded with the case, the person and the
 * purpose the endpoint names (page views, previews, batches and impact runs included); nothing is
 * written for a CPR-shaped case reference; anonymous callers are recorded as such, with their address,
 * and cannot fill the audit; a SYSTEM caller learns nothing of a case's history through the preview.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:access-audit;DB_CLOSE_DELAY=-1",
        "advisor.security.audit.anonymous-per-minute=5",
        // A few assessments are stored here; the minimum of a preview has its own test (ImpactPreviewIntegrationTest).
        "advisor.rules.impact.minimum-assessments=1"})
class AccessAuditIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private static String newCase() {
        return "K-AUD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String assess(String caseRef, String level) throws Exception {
        String answer = mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(FamilyJson.inCourse(caseRef, "2026-11-20", level)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(answer).path("assessmentId").asString();
    }

    /** The audit's entries for a case, oldest first: person, purpose, action, assessment. */
    private List<Map<String, Object>> entries(String caseRef) {
        return jdbc.sql("SELECT principal, client, purpose, action, assessment_id, outcome FROM access_audit "
                + "WHERE case_ref = ? ORDER BY seq").param(caseRef).query().listOfRows();
    }

    private long auditSize() {
        return jdbc.sql("SELECT COUNT(*) FROM access_audit").query(Long.class).single();
    }

    @Test
    void aStoredAssessmentsEntryIsWrittenOnceWithItsIdAndTheStatusItWasAnswered() throws Exception {
        String caseRef = newCase();
        String id = assess(caseRef, "MODERATE");

        assertThat(entries(caseRef)).extracting(e -> e.get("PRINCIPAL") + " " + e.get("PURPOSE") + " "
                        + e.get("ASSESSMENT_ID") + " " + e.get("OUTCOME"))
                .containsExactly("anna ASSESSMENT " + id + " 201");
    }

    @Test
    void pageViewsAreAuditedWithTheCaseThePersonAndThePurpose() throws Exception {
        String caseRef = newCase();
        String id = assess(caseRef, "MODERATE");

        mvc.perform(get("/assessments/{id}", id).with(user("bo").roles("CASEWORKER"))).andExpect(status().isOk());
        mvc.perform(get("/cases").param("ref", caseRef).with(user("bo").roles("CASEWORKER"))).andExpect(status().isOk());
        mvc.perform(get("/").param("from", id).with(user("bo").roles("CASEWORKER"))).andExpect(status().isOk());
        mvc.perform(get("/").with(user("bo").roles("CASEWORKER"))).andExpect(status().isOk());

        assertThat(entries(caseRef)).extracting(e -> e.get("PRINCIPAL") + " " + e.get("PURPOSE") + " " + e.get("ACTION"))
                .containsExactly("anna ASSESSMENT POST /api/v1/assessments",
                        "bo READ_ASSESSMENT GET /assessments/{assessmentId}",
                        "bo TIMELINE GET /cases",
                        "bo REASSESSMENT_FORM GET /");
        assertThat(entries(caseRef)).allSatisfy(e -> assertThat(e.get("CLIENT")).isEqualTo("127.0.0.1"));
    }

    @Test
    void theWhatIfAnalysisOnTheResultPageIsAuditedAsAPreviewOfTheAssessment() throws Exception {
        String caseRef = newCase();
        assess(caseRef, "MODERATE");
        String id = assess(caseRef, "SIGNIFICANT");

        mvc.perform(get("/assessments/{id}/what-if", id).param("rank", "true").param("counterfactuals", "true")
                .with(user("bo").roles("CASEWORKER"))).andExpect(status().isOk());

        Map<String, Object> last = entries(caseRef).get(entries(caseRef).size() - 1);
        assertThat(last.get("PRINCIPAL") + " " + last.get("PURPOSE") + " " + last.get("ACTION"))
                .isEqualTo("bo PREVIEW GET /assessments/{assessmentId}/what-if");
        assertThat(last.get("ASSESSMENT_ID")).isEqualTo(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE case_ref = ?").param(caseRef).query(Long.class)
                .single()).as("nothing stored").isEqualTo(2);
    }

    @Test
    void previewsAndBatchesAreAuditedWithEachCaseTheyRead() throws Exception {
        String previewed = newCase();
        mvc.perform(post("/api/v1/assessments/preview").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(FamilyJson.inCourse(previewed, "2026-11-20", "LOW")))
                .andExpect(status().isOk());
        assertThat(entries(previewed)).extracting(e -> e.get("PURPOSE")).containsExactly("PREVIEW");

        String first = newCase();
        String second = newCase();
        mvc.perform(post("/api/v1/assessments:batch").with(user("sys").roles("SYSTEM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessments\": [" + FamilyJson.inCourse(first, "2026-11-20", "LOW") + ","
                                + FamilyJson.inCourse(second, "2026-11-20", "LOW") + "]}"))
                .andExpect(status().isOk());
        for (String caseRef : List.of(first, second)) {
            assertThat(entries(caseRef)).singleElement().satisfies(entry -> {
                assertThat(entry.get("PRINCIPAL")).isEqualTo("sys");
                assertThat(entry.get("PURPOSE")).isEqualTo("BATCH_ASSESSMENT");
                assertThat(entry.get("ASSESSMENT_ID")).isNotNull();
                assertThat(entry.get("OUTCOME")).isEqualTo(200);
            });
        }
    }

    @Test
    void anImpactRunIsAuditedOnceWithTheCandidatesVersionAndTheNumberOfCasesItRead() throws Exception {
        assess(newCase(), "LOW");
        long cases = jdbc.sql("SELECT COUNT(DISTINCT case_ref) FROM assessment").query(Long.class).single();
        long before = auditSize();
        String report = mvc.perform(post("/api/v1/rule-sets/impact").with(user("rita").roles("RULE_AUTHOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"files\": {}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(auditSize()).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.sql("SELECT principal, purpose, case_ref, cases_read, detail FROM access_audit "
                + "ORDER BY seq DESC LIMIT 1").query().singleRow();
        assertThat(entry.get("PRINCIPAL")).isEqualTo("rita");
        assertThat(entry.get("PURPOSE")).isEqualTo("IMPACT_PREVIEW");
        assertThat(entry.get("CASE_REF")).isNull();
        assertThat(entry.get("CASES_READ")).isEqualTo((int) cases);
        assertThat(entry.get("DETAIL")).isEqualTo("candidate " + json.readTree(report).path("candidateVersion").asString());
    }

    @Test
    void aCprShapedCaseReferenceInAnAddressIsRefusedBeforeAnythingIsWritten() throws Exception {
        long before = auditSize();
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", "010203-1234").with(user("anna").roles("CASEWORKER"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseRef"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "must not contain a CPR number; use a pseudonymous reference"));
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", "0102031234"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").param("caseRef", "010203 1234").with(user("boss").roles("ADMIN")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/cases").param("ref", "0102031234").with(user("anna").roles("CASEWORKER")))
                .andExpect(status().isBadRequest());
        assertThat(auditSize()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_audit WHERE case_ref LIKE '%1234%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void anonymousCallsAreRecordedAsAnonymousWithTheirAddressAndCannotFillTheAudit() throws Exception {
        long before = auditSize();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/cases/K-ANON/assessments").with(request -> {
                request.setRemoteAddr("192.0.2.44");
                return request;
            })).andExpect(status().isUnauthorized());
        }
        List<Map<String, Object>> anonymous = entries("K-ANON");
        assertThat(auditSize() - before).as("at most advisor.security.audit.anonymous-per-minute").isEqualTo(5);
        assertThat(anonymous).hasSize(5).allSatisfy(entry -> {
            assertThat(entry.get("PRINCIPAL")).isEqualTo("anonymous");
            assertThat(entry.get("CLIENT")).isEqualTo("192.0.2.44");
            assertThat(entry.get("OUTCOME")).isEqualTo(401);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_audit WHERE principal = 'anonymousUser'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aSystemCallerLearnsNothingOfACasesPreviousAssessmentThroughThePreview() throws Exception {
        String caseRef = newCase();
        assess(caseRef, "LOW");
        String rising = FamilyJson.inCourse(caseRef, "2026-11-22", "SIGNIFICANT");

        mvc.perform(post("/api/v1/assessments/preview").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(rising))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalations[*].code", hasItem("ESC-CONCERN-RISING")));
        mvc.perform(post("/api/v1/assessments/preview").with(user("sys").roles("SYSTEM"))
                        .contentType(MediaType.APPLICATION_JSON).content(rising))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalations[*].code", not(hasItem("ESC-CONCERN-RISING"))));
        assertThat(entries(caseRef)).extracting(e -> e.get("PRINCIPAL") + " " + e.get("PURPOSE"))
                .as("the SYSTEM preview read nothing of the case").doesNotContain("sys PREVIEW");
    }
}
