package dk.visitationadvisor.caseworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The caseworker's pages over MockMvc: what the form sends, what the pages show, in which language. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "anna", roles = "CASEWORKER")
class CaseworkerPagesIntegrationTest {

    /** The contract's example family, as the form posts it. */
    static final String[] PREGNANT_MOTHER = {
        "assessmentDate", "2026-11-22", "pregnancy", "true", "pregnancy.gestationalWeek", "24", "child", "false",
        "olderSiblings", "1", "parents[0].role", "MOTHER", "parents[0].riskFactorsKnown", "true",
        "parents[0].riskFactors", "LOW_MENTALIZATION", "parents[0].riskFactors", "CHILDHOOD_TRAUMA",
        "parents[0].substanceUse", "NONE", "parents[0].retentionAgreement", "false",
        "parents[0].mentalIllness", "MILD_MODERATE", "parents[0].cognitiveFunction", "NORMAL",
        "concern.level", "SIGNIFICANT", "concern.childSafetyConcern", "true",
        "concern.doubtAboutParentingCapacity", "true", "concern.placementNecessary", "false", "consent", "true",
        "housing", "STABLE", "network", "LIMITED"};

    @Autowired
    MockMvc mvc;

    private static String newCaseRef() {
        return "WEB-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MockHttpServletRequestBuilder form(String caseRef, String... pairs) {
        MockHttpServletRequestBuilder post = post("/assessments").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("caseRef", caseRef);
        for (int i = 0; i < pairs.length; i += 2) {
            post.param(pairs[i], pairs[i + 1]);
        }
        return post;
    }

    private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().is(status)).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    /** Posts the form, follows the redirect to the stored answer and returns its page. */
    private Document assess(String caseRef, String... pairs) throws Exception {
        String location = mvc.perform(form(caseRef, pairs)).andExpect(status().isFound()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(location).matches("/assessments/[0-9a-f-]{36}");
        return page(get(location), 200);
    }

    @Test
    void servesTheFormInDanishWithALabelForEveryControl() throws Exception {
        Document form = page(get("/"), 200);
        assertThat(form.selectFirst("html").attr("lang")).isEqualTo("da");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Vurdér en familie");
        List<Element> controls = form.select("form#family-form input:not([type=hidden]), form#family-form select");
        assertThat(controls).hasSizeGreaterThan(60);
        for (Element control : controls) {
            boolean labelled = !form.select("label[for=" + control.id() + "]").isEmpty()
                    || control.parents().stream().anyMatch(parent -> parent.tagName().equals("label"));
            assertThat(labelled).as("a label for " + control.attr("name")).isTrue();
        }
        assertThat(form.selectFirst("label[for=caseRef]").text()).isEqualTo("Sagsreference");
        assertThat(form.selectFirst("#caseRef-help").text()).contains("Aldrig et CPR-nummer");
    }

    @Test
    void showsWhoIsSignedInWithTheWayOut() throws Exception {
        Document form = page(get("/"), 200);
        assertThat(form.selectFirst("form.sign-out").attr("action")).isEqualTo("/logout");
        assertThat(form.selectFirst("form.sign-out button").text()).isEqualTo("Log ud (anna)");
        assertThat(form.select("form.sign-out input[name=_csrf]")).hasSize(1);
    }

    @Test
    void offersUnknownAsAnExplicitChoiceForEveryFactThatMayBeUnknown() throws Exception {
        Document form = page(get("/"), 200);
        for (Element select : form.select("select")) {
            assertThat(select.selectFirst("option").attr("value")).as(select.id()).isEmpty();
        }
        assertThat(form.select("select#concern-level option").first().text()).isEqualTo("Ukendt");
        assertThat(form.select("input#consent-unknown[checked]")).hasSize(1);
        assertThat(form.select("input#parents-0-riskFactors-unknown[checked]")).hasSize(1);
        assertThat(form.selectFirst("label:has(#parents-0-riskFactors-unknown)").text()).startsWith("Ukendt");
    }

    @Test
    void switchesToEnglishAndKeepsTheChoiceInACookie() throws Exception {
        MvcResult english = mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("advisor-language", "en"))
                .andReturn();
        assertThat(Jsoup.parse(english.getResponse().getContentAsString()).selectFirst("h1").text())
                .isEqualTo("Assess a family");
        Document again = page(get("/").cookie(new Cookie("advisor-language", "en")), 200);
        assertThat(again.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(again.selectFirst("label[for=caseRef]").text()).isEqualTo("Case reference");
    }

    @Test
    void keepsTheApiOnAcceptLanguageWhateverThePagesLanguage() throws Exception {
        String family = "{\"caseRef\": \"" + newCaseRef() + "\"}";
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content(family)
                        .cookie(new Cookie("advisor-language", "en")).param("lang", "en"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programmes[0].reasons[0].text").value(org.hamcrest.Matchers.startsWith("Det")));
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content(family)
                        .header("Accept-Language", "en"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programmes[0].reasons[0].text").value(org.hamcrest.Matchers.startsWith("It")));
    }

    @Test
    void assessesAFamilyAndShowsTheExplainedRecommendation() throws Exception {
        String caseRef = newCaseRef();
        Document result = assess(caseRef, PREGNANT_MOTHER);
        assertThat(result.selectFirst("#recommendation-heading").text())
                .isEqualTo("Anbefalet indsats Den intensive spædeindsats");
        assertThat(result.selectFirst("#programme-INTENSIVE_INFANT .status").text()).isEqualTo("Opfylder kriterierne");
        assertThat(result.selectFirst("#programme-FAMILY_PLACEMENT .status").text()).isEqualTo("Opfylder kriterierne");
        Element risk = result.selectFirst("#programme-INTENSIVE_INFANT li[data-code=IS-IN-RISK]");
        assertThat(risk.selectFirst(".reason-text").text())
                .isEqualTo("Opfyldt Forældrene har mindst 2 af de forbundne problematikker, målgruppen beskrives med.");
        assertThat(risk.select(".facts li").eachText()).containsExactlyInAnyOrder(
                "Forælder 1 · Psykisk lidelse: Let til moderat",
                "Forælder 1 · Forhold, der kendetegner forælderen: Traumer i egen opvækst");
        assertThat(risk.selectFirst(".source").text()).contains("Den intensive spædeindsats i Holstebro Kommune");
        assertThat(result.selectFirst("#visit-plan dl").text()).contains("Spædeindsats, fase 2: indsats før fødsel", "3–5");
        assertThat(result.select("#follow-ups tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).startsWith("6. dec. 2026 Henvisning"))
                .anySatisfy(row -> assertThat(row).startsWith("17. jan. 2027 Statusskrivelsen"));
        assertThat(result.select("#missing")).isEmpty();
        assertThat(result.select("#urgent, #to-do .escalation")).isEmpty();
        assertThat(result.selectFirst(".result-meta").text()).containsPattern("Regelsættets version [0-9a-f]{16}");
        assertThat(result.selectFirst(".eyebrow").text()).isEqualTo("Sag " + caseRef + " · vurderet 22. nov. 2026");
    }

    @Test
    void takesUnknownAsUnknownAndListsTheMissingInformation() throws Exception {
        Document result = assess(newCaseRef(), "pregnancy", "false", "child", "false", "consent", "");
        assertThat(result.select(".programme .status").eachText()).containsExactly("Kræver afklaring", "Kræver afklaring");
        assertThat(result.selectFirst("#recommendation-heading").text()).isEqualTo("Ingen indsats kan anbefales endnu");
        assertThat(result.selectFirst("#missing-heading").text()).startsWith("Manglende oplysninger (");
        assertThat(result.select("#missing li").eachText()).contains("Bekymringsgrad",
                "Samtykker forældrene til et frivilligt ophold?", "Forældrene", "Venter familien barn?",
                "Barnets fødselsdato");
    }

    @Test
    void showsTheApisMessageByTheFieldAndNeverShowsACprNumberAgain() throws Exception {
        Document form = page(form("010190-1234", "pregnancy", "true", "pregnancy.gestationalWeek", "99",
                "child", "false"), 400);
        assertThat(form.selectFirst("#caseRef-error").text())
                .isEqualTo("må ikke indeholde et CPR-nummer; brug en pseudonym reference");
        assertThat(form.selectFirst("#caseRef").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.selectFirst("#caseRef").val()).isEmpty();
        assertThat(form.html()).doesNotContain("010190-1234");
        assertThat(form.selectFirst("#pregnancy-gestationalWeek-error").text()).contains("45");
        assertThat(form.selectFirst("#pregnancy-gestationalWeek").val()).isEqualTo("99");
        assertThat(form.select("#error-summary a").eachAttr("href"))
                .containsExactly("#caseRef", "#pregnancy-gestationalWeek");
    }

    @Test
    void isOnePageWithoutAScriptWithTheStepsAndTheAnswersHiddenUntilTheScriptShowsThem() throws Exception {
        Document form = page(get("/"), 200);
        assertThat(form.selectFirst("#form-steps").hasAttr("hidden")).isTrue();
        assertThat(form.selectFirst("#check-answers").hasAttr("hidden")).isTrue();
        assertThat(form.selectFirst("#step-actions").hasAttr("hidden")).isTrue();
        assertThat(form.select("#family-form [data-step]:not([hidden])").eachAttr("data-step")).containsSubsequence(
                "family", "family", "parents", "parents", "parents", "parents", "concern", "course", "measurements");
        assertThat(form.selectFirst("#form-actions").hasAttr("hidden")).as("the send button is there").isFalse();
        assertThat(form.select("#form-steps [data-step-go]").eachText()).containsExactly("1. Familien",
                "2. Forældrene", "3. Bekymringen", "4. Forløb", "5. Målinger", "6. Tjek dine svar");
        assertThat(form.select("[autofocus]")).as("nothing refused, nothing focused").isEmpty();
    }

    @Test
    void focusesTheFirstRefusedFieldEvenWithoutAScript() throws Exception {
        Document form = page(form(newCaseRef(), "pregnancy.gestationalWeek", "99"), 400);
        assertThat(form.select("[autofocus]").eachAttr("id")).containsExactly("pregnancy-true");
    }

    @Test
    void showsTheSameMessageAsTheApiForAValueTheApiRefuses() throws Exception {
        Document form = page(form("K-1", "assessmentDate", "2026-11-01", "child", "true", "child.birthDate",
                "2026-11-02"), 400);
        assertThat(form.selectFirst("#child-birthDate-error").text()).isEqualTo("må ikke ligge efter vurderingsdatoen");
        Document english = page(form("K-1", "olderSiblings", "two").cookie(new Cookie("advisor-language", "en")), 400);
        assertThat(english.selectFirst("#olderSiblings-error").text()).isEqualTo("must be a whole number");
    }

    @Test
    void fillsTheFormFromAnEarlierAssessmentOfTheFamily() throws Exception {
        String caseRef = newCaseRef();
        Document result = assess(caseRef, PREGNANT_MOTHER);
        String again = result.selectFirst("a:contains(Ny vurdering af familien)").attr("href");
        Document form = page(get(again), 200);
        assertThat(form.selectFirst("#caseRef").val()).isEqualTo(caseRef);
        assertThat(form.select("#pregnancy-true[checked]")).hasSize(1);
        long week = 24 + java.time.temporal.ChronoUnit.WEEKS.between(java.time.LocalDate.of(2026, 11, 22),
                java.time.LocalDate.now());
        assertThat(form.selectFirst("#pregnancy-gestationalWeek").val())
                .as("counted on from the earlier assessment, not copied").isEqualTo(week < FamilyForm.TERM_WEEK
                        ? String.valueOf(week) : "");
        assertThat(form.select("#parents-0-riskFactors-CHILDHOOD_TRAUMA[checked]")).hasSize(1);
        assertThat(form.select("#parents-0-riskFactors-CRIMINALITY[checked]")).isEmpty();
        assertThat(form.selectFirst("#concern-level option[selected]").val()).isEqualTo("SIGNIFICANT");
    }

    @Test
    void followsACaseOverTimeWithStatusChangesEscalationsAndCharts() throws Exception {
        String caseRef = newCaseRef();
        assess(caseRef, with(PREGNANT_MOTHER, "assessmentDate", "2026-10-01", "concern.level", "MODERATE",
                "measurements.ors", "30", "measurements.orsRater", "PARENT", "measurements.epds", "6"));
        assess(caseRef, with(PREGNANT_MOTHER, "measurements.ors", "22", "measurements.orsRater", "PARENT",
                "measurements.epds", "12", "measurements.epdsRespondent", "MOTHER"));
        Document timeline = page(get("/cases").param("ref", caseRef), 200);
        assertThat(timeline.selectFirst("h1").text()).isEqualTo("Sagens forløb: " + caseRef);
        List<Element> rows = timeline.select(".timeline-table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).selectFirst("th").text()).isEqualTo("22. nov. 2026");
        assertThat(rows.get(0).select("td").get(0).text()).isEqualTo("Betydelig");
        assertThat(rows.get(0).select("td").get(1).text()).isEqualTo("Opfylder kriterierne ændret");
        assertThat(rows.get(1).select("td").get(1).text()).isEqualTo("Opfylder ikke kriterierne");
        assertThat(rows.get(0).select("td").get(5).text()).contains("Bekymringen er steget",
                "Tegn på depression hos en forælder");
        assertThat(timeline.select("#chart-concern circle")).hasSize(2);
        assertThat(timeline.selectFirst("#chart-concern desc").text())
                .isEqualTo("1. okt. 2026: Moderat; 22. nov. 2026: Betydelig");
        assertThat(timeline.select("#chart-ors circle")).hasSize(2);
        assertThat(timeline.select("#chart-epds circle")).hasSize(2);
        assertThat(timeline.select("#chart-adbb")).isEmpty();
    }

    @Test
    void refusesToLookUpACprNumberAsACase() throws Exception {
        Document timeline = page(get("/cases").param("ref", "0101901234"), 400);
        assertThat(timeline.selectFirst("#ref-error").text()).startsWith("må ikke indeholde et CPR-nummer");
        assertThat(timeline.select(".timeline-table")).isEmpty();
    }

    @Test
    void answersAnUnknownAssessmentWithAPageNotFound() throws Exception {
        Document page = page(get("/assessments/" + UUID.randomUUID()), 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Siden findes ikke");
    }

    @Test
    void keepsScriptsAndStylesInFilesForAContentSecurityPolicy() throws Exception {
        String caseRef = newCaseRef();
        List<Document> pages = List.of(page(get("/"), 200), assess(caseRef, PREGNANT_MOTHER),
                page(get("/cases").param("ref", caseRef), 200), page(form("010190-1234"), 400));
        for (Document page : pages) {
            assertThat(page.select("[style], style")).isEmpty();
            assertThat(page.select("script")).allSatisfy(script -> {
                assertThat(script.attr("src")).isNotEmpty();
                assertThat(script.data()).isEmpty();
            });
            assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                    .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        }
    }

    /** The pairs with some values replaced or added. */
    private static String[] with(String[] pairs, String... changes) {
        java.util.List<String> result = new java.util.ArrayList<>();
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (int i = 0; i < changes.length; i += 2) {
            changed.add(changes[i]);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (!changed.contains(pairs[i])) {
                result.add(pairs[i]);
                result.add(pairs[i + 1]);
            }
        }
        result.addAll(List.of(changes));
        return result.toArray(String[]::new);
    }

    /** The contract's example family as the form posts it, with one answer changed or left out ("" = unknown). */
    private static String[] withAnswer(String field, String value) {
        List<String> pairs = new java.util.ArrayList<>(List.of(PREGNANT_MOTHER));
        int at = pairs.indexOf(field);
        pairs.set(at + 1, value);
        return pairs.toArray(String[]::new);
    }

    private String assessedId(String caseRef, String... pairs) throws Exception {
        return mvc.perform(form(caseRef, pairs)).andExpect(status().isFound()).andReturn().getResponse()
                .getRedirectedUrl().substring("/assessments/".length());
    }

    @Test
    void ranksTheMissingInformationByConsequenceOnRequestInDanish() throws Exception {
        String id = assessedId(newCaseRef(), withAnswer("housing", ""));
        Document stored = page(get("/assessments/" + id), 200);
        assertThat(stored.select(".ranked-fact")).isEmpty();
        Element ask = stored.selectFirst("form.what-if-ask:has(#what-if-rank)");
        assertThat(ask.attr("method")).isEqualTo("get");
        assertThat(ask.attr("action")).isEqualTo("/assessments/" + id + "/what-if#missing");
        assertThat(ask.selectFirst("button").text()).isEqualTo("Vis, hvilke oplysninger der betyder mest");

        Document ranked = page(get("/assessments/" + id + "/what-if").param("rank", "true"), 200);
        assertThat(ranked.selectFirst("#ranked-missing h3").text())
                .isEqualTo("Manglende oplysninger, ordnet efter betydning");
        List<Element> facts = ranked.select("#ranked-missing li.ranked-fact");
        assertThat(facts).isNotEmpty();
        Element first = facts.get(0);
        assertThat(first.selectFirst(".fact-label").text()).isEqualTo("Bolig");
        assertThat(first.selectFirst(".badge").text()).isEqualTo("Afgør anbefalingen");
        assertThat(first.selectFirst(".fact-text").text()).startsWith("Afgør alene anbefalingen:");
        assertThat(first.selectFirst(".how-to-obtain").text())
                .isEqualTo("Sådan skaffes oplysningen: Spørg forældrene om deres boligsituation.");
        List<String> order = List.of("Afgør anbefalingen", "Kan ændre anbefalingen", "Kan ændre, om et tilbud er relevant",
                "Kan ændre besøgsplanen", "Kan ændre, hvad der skal handles på", "Ikke afprøvet", "Ændrer intet");
        List<Integer> ranks = facts.stream().map(f -> order.indexOf(f.selectFirst(".badge").text())).toList();
        assertThat(ranks).doesNotContain(-1).isSorted();
        assertThat(facts.get(facts.size() - 1).selectFirst(".badge").text()).isEqualTo("Ændrer intet");
        // The urgent and to-do sections still come before the recommendation and the analysis.
        assertThat(ranked.select("main > section").eachAttr("id")).containsSubsequence("to-do", "recommendation", "missing");
        // Nothing was stored: the stored page is as it was.
        assertThat(page(get("/assessments/" + id), 200).select(".ranked-fact")).isEmpty();
    }

    @Test
    void showsWhatWouldHaveToBeDifferentOnRequest() throws Exception {
        String id = assessedId(newCaseRef(), withAnswer("consent", "false"));
        Document stored = page(get("/assessments/" + id), 200);
        assertThat(stored.selectFirst("#what-if h2").text()).isEqualTo("Hvad skulle være anderledes?");
        assertThat(stored.selectFirst("#what-if-counterfactuals").text()).isEqualTo("Hvad skulle være anderledes?");
        assertThat(stored.select(".counterfactual")).isEmpty();

        Document shown = page(get("/assessments/" + id + "/what-if").param("counterfactuals", "true"), 200);
        List<String> outcomes = shown.select("#what-if li.counterfactual").eachText();
        assertThat(outcomes).anySatisfy(text -> assertThat(text).contains("ville være relevant, hvis"));
        assertThat(shown.select("#what-if .only-authority")).isEmpty();
        assertThat(shown.select("#what-if p.source").eachText()).anySatisfy(text -> assertThat(text).startsWith("Afprøvet:"));
        assertThat(shown.select("#what-if-counterfactuals")).isEmpty();
    }

    @Test
    void saysWhenOnlyTheAuthoritysJudgementWouldChangeTheOutcome() throws Exception {
        String id = assessedId(newCaseRef(), withAnswer("concern.level", "LOW"));
        Document shown = page(get("/assessments/" + id + "/what-if").param("counterfactuals", "true")
                .param("rank", "true"), 200);
        List<Element> authority = shown.select("#what-if li.counterfactual.only-authority");
        assertThat(authority).isNotEmpty();
        assertThat(authority.get(0).selectFirst(".badge").text()).isEqualTo("Kun myndighedens vurdering");
        assertThat(authority.get(0).text()).contains("kun myndighedens egen vurdering");
        // Both asked at once: neither button is offered again.
        assertThat(shown.select("#what-if-rank, #what-if-counterfactuals")).isEmpty();
    }
}
