package dk.visitationadvisor.assessment;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
class AssessmentApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    /** Posts in English, so that messages can be asserted in one language. */
    private ResultActions assess(String json) throws Exception {
        return mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(json));
    }

    @Test
    void answersTheContractExampleWith201AndAnExplainedRecommendation() throws Exception {
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content(ApiExamples.PREGNANT_MOTHER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/assessments/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.caseRef").value("K-2026-0042"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.programmes[?(@.programme == 'INTENSIVE_INFANT')].status").value("ELIGIBLE"))
                .andExpect(jsonPath("$.programmes[?(@.programme == 'FAMILY_PLACEMENT')].status").value("ELIGIBLE"))
                .andExpect(jsonPath("$.recommendedProgramme").value("INTENSIVE_INFANT"))
                .andExpect(jsonPath("$.recommendationReasons[0].code").value("PREF-LEAST-INTRUSIVE"))
                .andExpect(jsonPath("$.recommendationReasons[0].localPolicy").value(true))
                .andExpect(jsonPath("$.programmes[*].reasons[*].code", hasItem("IS-IN-RISK")))
                .andExpect(jsonPath("$.programmes[*].reasons[*].source", everyItem(notNullValue())))
                .andExpect(jsonPath("$.programmes[*].reasons[?(@.code == 'IS-IN-RISK')].facts[*]",
                        containsInAnyOrder("parents[0].riskFactors[1] = CHILDHOOD_TRAUMA",
                                "parents[0].mentalIllness = MILD_MODERATE")))
                .andExpect(jsonPath("$.programmes[*].reasons[?(@.code == 'IS-IN-RISK')].text")
                        .value("Forældrene har mindst 2 af de forbundne problematikker, målgruppen beskrives med."))
                .andExpect(jsonPath("$.missingInformation", empty()))
                .andExpect(jsonPath("$.firedRules", hasItem("IS-IN-RISK met")))
                .andExpect(jsonPath("$.escalations", empty()))
                .andExpect(jsonPath("$.visitPlan.phase").value("PRENATAL"))
                .andExpect(jsonPath("$.visitPlan.visitsPerWeek.min").value(3))
                .andExpect(jsonPath("$.visitPlan.visitsPerWeek.max").value(5))
                .andExpect(jsonPath("$.followUps[?(@.code == 'FOLLOWUP-STATUS-LETTER')].due").value("2027-01-17"));
    }

    @Test
    void givesEachStoredAssessmentATimeOrderedId() throws Exception {
        UUID first = UUID.fromString(assess(ApiExamples.PREGNANT_MOTHER).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location").substring("/api/v1/assessments/".length()));
        UUID second = UUID.fromString(assess(ApiExamples.PREGNANT_MOTHER).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location").substring("/api/v1/assessments/".length()));
        assertThat(first.version()).as("RFC 9562 version 7: time-ordered").isEqualTo(7);
        assertThat(second.toString()).as("a later assessment sorts after an earlier one").isGreaterThan(first.toString());
    }

    @Test
    void observesNoRequestNobodyReadsTheObservationsOf() throws Exception {
        assess(ApiExamples.PREGNANT_MOTHER).andExpect(status().isCreated());
        assertThat(meters.find("http.server.requests").meters()).as("request timing costs CPU per request").isEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    }

    @Test
    void answersInDanishByDefault() throws Exception {
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(ApiExamples.PREGNANT_MOTHER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programmes[*].reasons[?(@.code == 'IS-IN-RISK')].text")
                        .value("Forældrene har mindst 2 af de forbundne problematikker, målgruppen beskrives med."))
                .andExpect(jsonPath("$.recommendationReasons[0].text", startsWith("[Lokal praksis]")));
    }

    @Test
    void explainsBadInputInDanishByDefault() throws Exception {
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseRef\": \"0101901234\", \"housing\": \"CASTLE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ugyldige oplysninger"))
                .andExpect(jsonPath("$.errors[0].field").value("caseRef"))
                .andExpect(jsonPath("$.errors[0].message").value("må ikke indeholde et CPR-nummer; brug en pseudonym reference"))
                .andExpect(jsonPath("$.errors[1].field").value("housing"))
                .andExpect(jsonPath("$.errors[1].message").value("skal være en af [STABLE, UNSTABLE, NONE]"));
    }

    @Test
    void refusesAFieldGivenTwice() throws Exception {
        assess("{\"caseRef\": \"K-1\", \"consent\": true, \"consent\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consent"))
                .andExpect(jsonPath("$.errors[0].message").value("is given more than once"));
    }

    @Test
    void answersInEnglishWhenAskedFor() throws Exception {
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en-GB,en;q=0.9").content(ApiExamples.PREGNANT_MOTHER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programmes[*].reasons[?(@.code == 'IS-IN-RISK')].text")
                        .value("The parents have at least 2 of the connected problems that describe the target group."))
                .andExpect(jsonPath("$.recommendationReasons[0].text", startsWith("[Local policy]")));
    }

    /** The contract's example with housing unknown: both programmes fit, so housing decides. */
    private static final String HOUSING_UNKNOWN = ApiExamples.PREGNANT_MOTHER.replace("\"housing\": \"STABLE\"",
            "\"housing\": null");

    @Test
    void ranksTheMissingFactsWhenAskedAndStoresTheAnswerAsGiven() throws Exception {
        assertThat(HOUSING_UNKNOWN).contains("\"housing\": null");
        String location = mvc.perform(post("/api/v1/assessments?rankMissing=true").contentType(MediaType.APPLICATION_JSON)
                        .content(HOUSING_UNKNOWN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.missingInformation", hasItem("housing")))
                .andExpect(jsonPath("$.rankedMissingInformation.facts[0].field").value("housing"))
                .andExpect(jsonPath("$.rankedMissingInformation.facts[0].consequence").value("DECIDES_RECOMMENDATION"))
                .andExpect(jsonPath("$.rankedMissingInformation.facts[0].label").value("Bolig"))
                .andExpect(jsonPath("$.rankedMissingInformation.facts[0].howToObtain", startsWith("Spørg forældrene")))
                .andExpect(jsonPath("$.rankedMissingInformation.evaluations", greaterThan(3)))
                .andExpect(jsonPath("$.counterfactuals").doesNotExist())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rankedMissingInformation.facts[0].field").value("housing"));
    }

    @Test
    void addsNothingOfTheWhatIfAnalysisUnlessAsked() throws Exception {
        assess(HOUSING_UNKNOWN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rankedMissingInformation").doesNotExist())
                .andExpect(jsonPath("$.counterfactuals").doesNotExist());
    }

    @Test
    void refusesAWhatIfParameterThatIsNotTrueOrFalse() throws Exception {
        mvc.perform(post("/api/v1/assessments?rankMissing=maybe").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(HOUSING_UNKNOWN))
                .andExpect(status().isBadRequest());
    }

    @Test
    void previewsCounterfactualsAndTheRankingOfAFamilyWithOnlyACaseReference() throws Exception {
        mvc.perform(post("/api/v1/assessments/preview?counterfactuals=true&rankMissing=true")
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"caseRef\": \"K-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rankedMissingInformation.facts[?(@.field == 'parents')].consequence")
                        .value("NOT_TRIED"))
                .andExpect(jsonPath("$.counterfactuals.outcomes[*].programme",
                        containsInAnyOrder("INTENSIVE_INFANT", "FAMILY_PLACEMENT")))
                .andExpect(jsonPath("$.counterfactuals.searched", startsWith("Tried: each single change")));
    }

    @Test
    void treatsAFamilyWithOnlyACaseReferenceAsNeedingAssessment() throws Exception {
        assess("{\"caseRef\": \"K-1\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.programmes[*].status", everyItem(org.hamcrest.Matchers.is("NEEDS_ASSESSMENT"))))
                .andExpect(jsonPath("$.recommendedProgramme").doesNotExist())
                .andExpect(jsonPath("$.missingInformation", hasItem("parents")))
                .andExpect(jsonPath("$.missingInformation", hasItem("concern.level")))
                .andExpect(jsonPath("$.missingInformation", hasItem("consent")));
    }

    @Test
    void namesEveryOffendingFieldInOneProblemDocument() throws Exception {
        assess("""
                {"caseRef": "010190-1234", "assessmentDate": "2999-01-01", "pregnancy": {"gestationalWeek": 99},
                 "olderSiblings": "many", "housing": "CASTLE", "nickname": "x",
                 "parents": [{"role": "MOTHR", "riskFactors": ["LOW_MENTALIZATION", "UNHAPPY"], "consent": true}],
                 "child": {"birthDate": "not a date"}}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("assessmentDate", "caseRef",
                        "child.birthDate", "housing", "nickname", "olderSiblings", "parents[0].consent",
                        "parents[0].riskFactors[1]", "parents[0].role", "pregnancy.gestationalWeek")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010190-1234", "0101901234", "K-0101901234-x", "010190 1234"})
    void refusesCprShapedCaseReferences(String caseRef) throws Exception {
        assess("{\"caseRef\": \"" + caseRef + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("caseRef")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(startsWith("must not contain a CPR number"))));
    }

    @Test
    void refusesAChildBornAfterTheAssessmentDate() throws Exception {
        assess("{\"caseRef\": \"K-1\", \"assessmentDate\": \"2026-11-01\", \"child\": {\"birthDate\": \"2026-11-02\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("child.birthDate"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be after the assessment date"));
    }

    @Test
    void refusesAMissingCaseReferenceAndTooManyParents() throws Exception {
        assess("{\"parents\": [{}, {}, {}, {}, {}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("caseRef", "parents")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"family\"", "42", "{\"caseRef\": \"K-1\"", "{\"caseRef\": K-1}"})
    void refusesBodiesThatAreNotAJsonObject(String body) throws Exception {
        assess(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(""));
    }

    @Test
    void refusesWrongShapesWithoutFailing() throws Exception {
        assess("{\"caseRef\": \"K-1\", \"parents\": {\"role\": \"MOTHER\"}, \"concern\": [1], \"consent\": \"yes\","
                + " \"pregnancy\": 24}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("concern", "consent", "parents",
                        "pregnancy")));
    }

    @Test
    void refusesABodyOverTheSizeLimitInTheRequestsLanguage() throws Exception {
        assess("{\"caseRef\": \"" + "a".repeat(70_000) + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value("The request body is larger than this endpoint accepts."));
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseRef\": \"" + "a".repeat(70_000) + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value("Forespørgslen er større, end denne adresse modtager."));
    }

    @Test
    void refusesOtherContentTypes() throws Exception {
        mvc.perform(post("/api/v1/assessments").contentType(MediaType.TEXT_PLAIN).content("caseRef=K-1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void describesTheApiInOpenApiWithAnExample() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/assessments'].post.requestBody.content['application/json'].examples",
                        not(empty())))
                .andExpect(jsonPath("$.components.schemas.AssessmentRequest.properties.caseRef").exists());
    }
}
