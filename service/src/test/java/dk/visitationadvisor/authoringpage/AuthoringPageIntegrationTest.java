package dk.visitationadvisor.authoringpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.CandidateFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A rule author on /rule-authoring: opens the intensive infant programme's parameter file, writes a
 * mistake and sees it in plain Danish with its file and line, fixes it, runs the scenarios and previews
 * the impact, and asks for activation; a change whose scenarios fail is refused and the live set stays.
 * The page is for rule authors only, and its forms carry the CSRF token like the rest of the app.
 */
@SpringBootTest
@AutoConfigureMockMvc
// A shared build machine may be slow: the page is tested here, not the time limit of a check.
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:authoring-page;DB_CLOSE_DELAY=-1",
        "advisor.rules.check-time-limit=PT30M", "advisor.rules.worker-time-limit=PT30M",
        // A few assessments are stored here; the minimum of a preview has its own test (ImpactPreviewIntegrationTest).
        "advisor.rules.impact.minimum-assessments=1"})
class AuthoringPageIntegrationTest {

    private static final String FILE = CandidateFiles.IS_PARAMETERS;
    /** Two risk factors: eligible for the intensive infant programme today, not with three. */
    private static final String FAMILY = """
            {"caseRef": "K-AUTHORING-PAGE", "assessmentDate": "2026-11-22", "pregnancy": {"gestationalWeek": 24},
             "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                          "substanceUse": "NONE", "retentionAgreement": false, "mentalIllness": "MILD_MODERATE",
                          "cognitiveFunction": "NORMAL"}],
             "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                         "placementNecessary": false},
             "consent": true, "housing": "STABLE", "network": "LIMITED"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder asAuthor(MockHttpServletRequestBuilder request) {
        return request.with(user("rita").roles("RULE_AUTHOR"));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        byte[] body = mvc.perform(asAuthor(request).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsByteArray();
        return HtmlUtils.htmlUnescape(new String(body, StandardCharsets.UTF_8));
    }

    private MockHttpServletRequestBuilder send(String action, String content) {
        return post("/rule-authoring/" + action).param("path", FILE).param("content", content);
    }

    @Test
    void anAuthorWalksFromAMistakeToTheImpactOfTheFix() throws Exception {
        mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(FAMILY))
                .andExpect(status().isCreated());

        String opened = page(get("/rule-authoring").param("edit", FILE));
        assertThat(opened).contains("Regler").contains("Gældende regelsæt: version")
                .contains("Indholdet af " + FILE).contains("intensiveInfant.minimumRiskFactors")
                .contains("escalation/parameters.yaml");

        // "13 points" for a future value: refused in Danish, with the file, the line and the line's text.
        String mistake = CandidateFiles.riskFactorsForIntensiveInfant(
                CandidateFiles.datedValue("2020-01-01", "2", "is-target-group-risk")
                        + CandidateFiles.datedValue("2099-01-01", "13 points", "is-target-group-risk"));
        int line = mistake.lines().toList().indexOf("      value: 13 points") + 1;
        String refused = page(send("validation", mistake));
        assertThat(refused).contains("Regelsættet kan ikke bruges, som det står.")
                .contains("I " + FILE + ", linje " + line)
                .contains("Parameteren intensiveInfant.minimumRiskFactors: værdien fra 2099-01-01 skal være et helt tal"
                        + " (risikofaktorer)")
                .contains("Der står »13 points«")
                .contains(line + ":       value: 13 points")
                .as("the message in Danish; the check's own English words only behind it, marked as English")
                .contains("<p class=\"message\">Parameteren intensiveInfant.minimumRiskFactors")
                .contains("<p lang=\"en\" class=\"code\">parameter 'intensiveInfant.minimumRiskFactors' value of 2099-01-01");
        // The same in English when the author chose English.
        assertThat(page(send("validation", mistake).param("lang", "en")))
                .contains("In " + FILE + ", line " + line).contains("must be a whole number of risk factors");

        // Fixed: three risk factors from 2020 builds, but scenarios fail, and the impact shows the change.
        String fixed = CandidateFiles.threeRiskFactorsForIntensiveInfant();
        assertThat(page(send("validation", fixed))).contains("Regelsættet er i orden");
        String scenarios = page(send("scenario-runs", fixed));
        assertThat(scenarios).containsPattern("\\d+ scenarier bestået, [1-9]\\d* fejlet")
                .contains("Scenarier, der fejler").contains("IS-IN-RISK");
        String impact = page(send("impact", fixed));
        assertThat(impact).containsPattern("[1-9]\\d* gemte vurderinger er gennemregnet; [1-9]\\d* ville få et andet svar")
                .contains("INTENSIVE_INFANT");
        assertThat(jdbc.sql("select count(*) from access_audit where purpose = 'IMPACT_PREVIEW'").query(Long.class)
                .single()).as("the preview is in the access audit").isPositive();
        // Three from 2099 only: nothing changes today; with the date in the form, what changes on that day.
        String later = CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2099-01-01");
        assertThat(page(send("impact", later))).contains("Ingen gemte vurderinger ville få et andet svar.");
        assertThat(page(send("impact", later).param("asOf", "2099-01-01")))
                .contains("Vurderet med de parameterværdier, der gælder pr. 2099-01-01.")
                .containsPattern("[1-9]\\d* gemte vurderinger er gennemregnet; [1-9]\\d* ville få et andet svar");
        assertThat(page(send("impact", later).param("asOf", "1. januar"))).contains("Skriv datoen som ÅÅÅÅ-MM-DD");

        // Activation: a reason is required; a change whose scenarios fail is refused, and the live set stays.
        String live = liveVersion(opened);
        assertThat(page(send("activation", fixed))).contains("Skriv en begrundelse, før du aktiverer.");
        String notActivated = page(send("activation", fixed).param("reason", "tre risikofaktorer"));
        assertThat(notActivated).contains("Ændringen blev ikke aktiveret").contains("IS-IN-RISK");
        assertThat(liveVersion(page(get("/rule-authoring")))).isEqualTo(live);

        // A change that keeps every scenario passing goes live, with the author's name in the log.
        String activated = page(send("activation", CandidateFiles.read(FILE) + "\n# checked on the page\n")
                .param("reason", "en kommentar"));
        assertThat(activated).contains("Ændringen er aktiveret");
        assertThat(liveVersion(page(get("/rule-authoring")))).isNotEqualTo(live);
        assertThat(jdbc.sql("select activated_by from rule_set_activation order by seq desc limit 1")
                .query(String.class).optional()).contains("rita");
    }

    private static String liveVersion(String page) {
        int at = page.indexOf("Gældende regelsæt: version ") + "Gældende regelsæt: version ".length();
        return page.substring(at, at + 16);
    }

    @Test
    void aPathOutsideTheRuleSetIsRefusedInPlainWords() throws Exception {
        assertThat(page(send("validation", "x").param("path", "../secrets.txt")))
                .contains("er ikke en sti, regelsættet kan have");
        assertThat(page(get("/rule-authoring").param("add", "../../etc/passwd")))
                .contains("er ikke en sti, regelsættet kan have");
    }

    @Test
    void onlyRuleAuthorsReachThePageAndItsFormsNeedTheCsrfToken() throws Exception {
        mvc.perform(get("/rule-authoring").with(user("anna").roles("CASEWORKER"))).andExpect(status().isForbidden());
        mvc.perform(post("/rule-authoring/validation").with(user("anna").roles("CASEWORKER")).with(csrf())
                .param("path", FILE).param("content", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/rule-authoring")).andExpect(status().is3xxRedirection());
        mvc.perform(asAuthor(post("/rule-authoring/validation")).param("path", FILE).param("content", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(asAuthor(get("/rule-authoring"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("Indholdet af"))));
    }
}
