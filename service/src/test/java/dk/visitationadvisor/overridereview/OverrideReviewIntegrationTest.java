package dk.visitationadvisor.overridereview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The override review over a seeded set of decisions: four families recommended the intensive infant
 * programme (PREF-LEAST-INTRUSIVE), two of them overridden to a family placement, two followed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:override-review;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverrideReviewIntegrationTest {

    private static final String OVERRIDE = """
            {"outcome": "OVERRIDDEN", "decidedProgramme": "FAMILY_PLACEMENT", "reason": "%s"}""";
    private static final String FOLLOW = """
            {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "Familien ønsker støtte hjemme."}""";

    /** Eligible for both programmes, with a home: the intensive infant programme is recommended. */
    private static final String FAMILY = """
            {"caseRef": "%s", "assessmentDate": "2026-11-22", "pregnancy": {"gestationalWeek": 24},
             "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                          "substanceUse": "NONE", "retentionAgreement": false, "mentalIllness": "MILD_MODERATE",
                          "cognitiveFunction": "NORMAL"}],
             "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                         "placementNecessary": false},
             "consent": true, "housing": "STABLE", "network": "LIMITED"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void seedDecisions() throws Exception {
        decide("K-REVIEW-1", OVERRIDE.formatted("Boligen er ved at blive opsagt."));
        decide("K-REVIEW-2", OVERRIDE.formatted("Netværket kan ikke skærme barnet."));
        decide("K-REVIEW-3", FOLLOW);
        decide("K-REVIEW-4", FOLLOW);
    }

    private void decide(String caseRef, String decision) throws Exception {
        String body = mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(FAMILY.formatted(caseRef)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recommendedProgramme").value("INTENSIVE_INFANT"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/v1/assessments/{id}/decision", json.readTree(body).path("assessmentId").asString())
                        .with(user("anna").roles("CASEWORKER")).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isCreated());
    }

    @Test
    void countsOverridesPerRuleAndRecommendationAndFlagsTheRuleOverriddenInHalfItsCases() throws Exception {
        mvc.perform(get("/api/v1/override-review").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions").value(4))
                .andExpect(jsonPath("$.overrides").value(2))
                .andExpect(jsonPath("$.rules[0].code").value("PREF-LEAST-INTRUSIVE"))
                .andExpect(jsonPath("$.rules[0].cases").value(4))
                .andExpect(jsonPath("$.rules[0].overrides").value(2))
                .andExpect(jsonPath("$.rules[0].share").value(0.5))
                .andExpect(jsonPath("$.rules[0].flagged").value(true))
                .andExpect(jsonPath("$.rules[0].reasons[*].reason", containsInAnyOrder(
                        "Boligen er ved at blive opsagt.", "Netværket kan ikke skærme barnet.")))
                .andExpect(jsonPath("$.recommendations[0].recommended").value("INTENSIVE_INFANT"))
                .andExpect(jsonPath("$.recommendations[0].decisions").value(4))
                .andExpect(jsonPath("$.recommendations[0].overrides").value(2))
                .andExpect(jsonPath("$.recommendations[0].decidedInstead.FAMILY_PLACEMENT").value(2))
                // A rule author may not read cases: no case or assessment behind a reason.
                .andExpect(content().string(not(containsString("K-REVIEW"))))
                .andExpect(jsonPath("$.rules[0].reasons[0].assessmentId").doesNotExist());
    }

    @Test
    void namesTheCasesOnlyToACallerWhoMayReadThem() throws Exception {
        mvc.perform(get("/api/v1/override-review").with(user("rita").roles("RULE_AUTHOR", "CASEWORKER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[0].reasons[*].caseRef", containsInAnyOrder("K-REVIEW-1", "K-REVIEW-2")));
    }

    @Test
    void aReadIsAuditedOnceWithItsPurposeAndTheNumberOfCasesItRead() throws Exception {
        mvc.perform(get("/api/v1/override-review?from=2026-01-01&to=2027-12-31").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isOk());

        Map<String, Object> entry = jdbc.sql("SELECT principal, purpose, case_ref, cases_read, detail FROM access_audit "
                + "ORDER BY seq DESC LIMIT 1").query().singleRow();
        assertThat(entry.get("PRINCIPAL")).isEqualTo("rita");
        assertThat(entry.get("PURPOSE")).isEqualTo("OVERRIDE_REVIEW");
        assertThat(entry.get("CASE_REF")).isNull();
        assertThat(entry.get("CASES_READ")).isEqualTo(4);
        assertThat(entry.get("DETAIL")).isEqualTo("override review 2026-01-01..2027-12-31");
    }

    @Test
    void aPeriodWithoutDecisionsIsEmptyAndABackwardPeriodIsRefused() throws Exception {
        mvc.perform(get("/api/v1/override-review?from=2020-01-01&to=2020-12-31").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions").value(0))
                .andExpect(jsonPath("$.rules").isEmpty());
        mvc.perform(get("/api/v1/override-review?from=2021-01-01&to=2020-12-31").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/override-review?from=yesterday").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePageShowsTheFlaggedRuleToARuleAuthorOnly() throws Exception {
        mvc.perform(get("/override-review").with(user("rita").roles("RULE_AUTHOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fravigelser af anbefalingen")))
                .andExpect(content().string(containsString("PREF-LEAST-INTRUSIVE")))
                .andExpect(content().string(containsString("Til gennemgang")))
                .andExpect(content().string(containsString("Boligen er ved at blive opsagt.")))
                .andExpect(content().string(not(containsString("K-REVIEW"))));
        mvc.perform(get("/override-review").with(user("anna").roles("CASEWORKER")))
                .andExpect(status().isForbidden());
    }
}
