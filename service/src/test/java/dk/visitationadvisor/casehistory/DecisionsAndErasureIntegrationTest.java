package dk.visitationadvisor.casehistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:decisions-and-erasure;DB_CLOSE_DELAY=-1")
@WithMockUser(username = "anna", roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
class DecisionsAndErasureIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Erasures erasures;

    @Autowired
    JdbcClient jdbc;

    /** Assesses a family recommended INTENSIVE_INFANT (PREF-LEAST-INTRUSIVE); returns the assessment id. */
    private String assess(String caseRef) throws Exception {
        String body = mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(CaseHistoryApiIntegrationTest.family(caseRef, "2026-11-22", "SIGNIFICANT")
                                .replaceAll(",\\s*\"course\": \\{[^}]*}", "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recommendedProgramme").value("INTENSIVE_INFANT"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("assessmentId").asString();
    }

    private ResultActions decide(String assessmentId, String decision) throws Exception {
        return mvc.perform(put("/api/v1/assessments/{id}/decision", assessmentId)
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").content(decision));
    }

    private static String newCase() {
        return "K-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void recordsADecisionThatFollowedTheRecommendationAndShowsItInTheTimeline() throws Exception {
        String caseRef = newCase();
        String id = assess(caseRef);

        decide(id, """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT",
                 "reason": "Familien har en stabil bolig og ønsker støtte hjemme."}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("FOLLOWED"))
                .andExpect(jsonPath("$.wentAgainst.length()").value(0));

        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", caseRef))
                .andExpect(jsonPath("$.assessments[0].decision.outcome").value("FOLLOWED"))
                .andExpect(jsonPath("$.assessments[0].decision.decidedBy").value("anna"));
    }

    @Test
    void countsTheRulesAnOverrideWentAgainst() throws Exception {
        long before = overrides("PREF-LEAST-INTRUSIVE");
        String id = assess(newCase());

        decide(id, """
                {"outcome": "OVERRIDDEN", "decidedProgramme": "FAMILY_PLACEMENT",
                 "reason": "Familien har brug for skærmede omgivelser."}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.wentAgainst", hasItem("PREF-LEAST-INTRUSIVE")))
                .andExpect(jsonPath("$.approvedBy").doesNotExist());

        assertThat(overrides("PREF-LEAST-INTRUSIVE")).isEqualTo(before + 1);
    }

    @Autowired
    Decisions decisions;

    @Test
    void amendsADecisionKeepingWhatItWasAndCountingOnlyTheDecisionNowOnRecord() throws Exception {
        String caseRef = newCase();
        String id = assess(caseRef);
        long before = overrides("PREF-LEAST-INTRUSIVE");
        decisions.record(id, new DecisionRequest(DecisionRequest.DecisionOutcome.OVERRIDDEN,
                DecisionRequest.DecidedProgramme.FAMILY_PLACEMENT, "Skærmede omgivelser."), "anna");
        assertThat(overrides("PREF-LEAST-INTRUSIVE")).isEqualTo(before + 1);

        Decisions.Recorded amended = decisions.amend(id, new DecisionRequest(DecisionRequest.DecisionOutcome.FOLLOWED,
                DecisionRequest.DecidedProgramme.INTENSIVE_INFANT, "Familien ønsker støtte hjemme."), "bo");

        assertThat(amended).isInstanceOf(Decisions.Recorded.Done.class);
        assertThat(decisions.find(id).orElseThrow()).satisfies(now -> {
            assertThat(now.outcome()).isEqualTo("FOLLOWED");
            assertThat(now.decidedBy()).isEqualTo("bo");
        });
        assertThat(decisions.history(id)).singleElement().satisfies(earlier -> {
            assertThat(earlier.decision().outcome()).isEqualTo("OVERRIDDEN");
            assertThat(earlier.decision().decidedBy()).isEqualTo("anna");
            assertThat(earlier.amendedBy()).isEqualTo("bo");
        });
        assertThat(overrides("PREF-LEAST-INTRUSIVE")).isEqualTo(before);
        assertThat(decisions.amend(assess(newCase()), new DecisionRequest(DecisionRequest.DecisionOutcome.FOLLOWED,
                DecisionRequest.DecidedProgramme.INTENSIVE_INFANT, "x"), "bo"))
                .isInstanceOf(Decisions.Recorded.NothingToAmend.class);

        erasures.erase(caseRef, Erasures.Cause.REQUEST);
        assertThat(decisions.history(id)).as("erased with the case").isEmpty();
    }

    /** Finding: decidedBy and approvedBy were free text; now the people signed in when they decided and approved. */
    @Test
    void decidedByAndApprovedByAreThePeopleSignedInNotFreeText() throws Exception {
        String id = assess(newCase());
        decide(id, """
                {"outcome": "OVERRIDDEN", "decidedProgramme": "NONE", "reason": "x", "decidedBy": "someone-else",
                 "approvedBy": "team-leader-3"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("approvedBy", "decidedBy")));
        decide(id, """
                {"outcome": "OVERRIDDEN", "decidedProgramme": "NONE", "reason": "x"}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decidedBy").value("anna"))
                .andExpect(jsonPath("$.approvedBy").doesNotExist());

        // Nobody approves their own override; an approver does, signed in, once.
        mvc.perform(put("/api/v1/assessments/{id}/decision/approval", id)
                        .with(user("anna").roles("CASEWORKER", "APPROVER")))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/assessments/{id}/decision/approval", id).with(user("bo").roles("APPROVER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decidedBy").value("anna"))
                .andExpect(jsonPath("$.approvedBy").value("bo"))
                .andExpect(jsonPath("$.approvedAt").isNotEmpty());
        mvc.perform(put("/api/v1/assessments/{id}/decision/approval", id).with(user("cy").roles("APPROVER")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/assessments/{id}/decision", id))
                .andExpect(jsonPath("$.approvedBy").value("bo"));
    }

    @Test
    void aDecisionThatFollowedTheRecommendationNeedsNoApproval() throws Exception {
        String id = assess(newCase());
        decide(id, """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "x"}
                """).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/assessments/{id}/decision/approval", id).with(user("bo").roles("APPROVER")))
                .andExpect(status().isConflict());
    }

    @Test
    void refusesFollowedForAnotherProgrammeThanTheRecommendedOne() throws Exception {
        decide(assess(newCase()), """
                {"outcome": "FOLLOWED", "decidedProgramme": "FAMILY_PLACEMENT", "reason": "x"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decidedProgramme"));
    }

    @Test
    void keepsTheFirstDecisionOnRecordAndAnswersARetryOfItWithIt() throws Exception {
        String id = assess(newCase());
        String followed = """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "x"}
                """;
        decide(id, followed).andExpect(status().isCreated());
        // The same decision again (its answer was lost): answered with the one on record, not a conflict.
        decide(id, followed).andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("x"));
        decide(id, """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "another reason"}
                """).andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        mvc.perform(get("/api/v1/assessments/{id}/decision", id)).andExpect(jsonPath("$.reason").value("x"));
    }

    @Test
    void amendsWithIfMatchOnlyTheVersionThatWasReadAndKeepsTheHistory() throws Exception {
        String id = assess(newCase());
        String created = decide(id, """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "first"}
                """).andExpect(status().isCreated()).andReturn().getResponse().getHeader("ETag");
        String read = mvc.perform(get("/api/v1/assessments/{id}/decision", id)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(read).isEqualTo(created).startsWith("\"");

        String amend = """
                {"outcome": "OVERRIDDEN", "decidedProgramme": "NONE", "reason": "second"}
                """;
        String amended = mvc.perform(put("/api/v1/assessments/{id}/decision", id).header("If-Match", read)
                        .contentType(MediaType.APPLICATION_JSON).content(amend))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("second"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(amended).isNotEqualTo(read);

        // A second client that read the first version cannot overwrite the amendment unseen.
        mvc.perform(put("/api/v1/assessments/{id}/decision", id).header("If-Match", read)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "third"}
                        """))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        mvc.perform(get("/api/v1/assessments/{id}/decision", id)).andExpect(jsonPath("$.reason").value("second"));
        assertThat(decisions.history(id)).extracting(h -> h.decision().reason()).containsExactly("first");

        // Nothing to amend on an assessment without a decision.
        mvc.perform(put("/api/v1/assessments/{id}/decision", assess(newCase())).header("If-Match", read)
                        .contentType(MediaType.APPLICATION_JSON).content(amend))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void answersADecisionOnAnUnknownAssessmentWithNotFound() throws Exception {
        decide(UUID.randomUUID().toString(), """
                {"outcome": "FOLLOWED", "decidedProgramme": "NONE", "reason": "x"}
                """)
                .andExpect(status().isNotFound());
    }

    @Test
    void erasesACaseWithItsAssessmentsAndDecisionsAndLogsItWithoutTheCaseReference() throws Exception {
        String caseRef = newCase();
        String id = assess(caseRef);
        assess(caseRef);
        decide(id, """
                {"outcome": "FOLLOWED", "decidedProgramme": "INTENSIVE_INFANT", "reason": "x"}
                """).andExpect(status().isCreated());

        String erasure = mvc.perform(delete("/api/v1/cases/{caseRef}", caseRef))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cause").value("REQUEST"))
                .andExpect(jsonPath("$.assessmentsErased").value(2))
                .andReturn().getResponse().getContentAsString();

        assertThat(erasure).doesNotContain(caseRef);
        mvc.perform(get("/api/v1/assessments/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", caseRef)).andExpect(jsonPath("$.totalAssessments").value(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM decision WHERE assessment_id = ?").param(id).query(Long.class).single())
                .isZero();
        String log = mvc.perform(get("/api/v1/erasures")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(log).contains(json.readTree(erasure).path("id").asString()).doesNotContain(caseRef);
    }

    @Test
    void purgesCasesWhoseRetentionPeriodHasRunOut() throws Exception {
        String expired = newCase();
        String recent = newCase();
        assess(expired);
        assess(recent);
        jdbc.sql("UPDATE assessment SET requested_at = ? WHERE case_ref = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusYears(6), expired)
                .update();

        assertThat(erasures.purgeExpired()).extracting(Erasures.Erasure::cause).contains(Erasures.Cause.RETENTION);

        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", expired)).andExpect(jsonPath("$.totalAssessments").value(0));
        mvc.perform(get("/api/v1/cases/{caseRef}/assessments", recent)).andExpect(jsonPath("$.totalAssessments").value(1));
    }

    private long overrides(String code) throws Exception {
        String body = mvc.perform(get("/api/v1/rules/overrides")).andReturn().getResponse().getContentAsString();
        for (var entry : json.readTree(body)) {
            if (entry.path("code").asString().equals(code)) {
                return entry.path("overrides").asLong();
            }
        }
        return 0;
    }
}
