package dk.visitationadvisor.rulesets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dk.visitationadvisor.assessment.ApiExamples;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.support.RuleDirectories;
import dk.visitationadvisor.support.RuleSetCalls;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Rule authoring over HTTP: validate, test, coverage, activate, refuse, roll back. A database of its
 * own, since activations change what is live; the scenarios are the intensive infant inclusion ones,
 * which a change of the risk-factor threshold breaks.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rule-set-api;DB_CLOSE_DELAY=-1",
        "advisor.scenarios.directory=../test-cases/intensive-infant/inclusion",
        "advisor.rules.activation.require-passing-scenarios=true",
        // A few assessments are stored here; the minimum of a preview has its own test (ImpactPreviewIntegrationTest).
        "advisor.rules.impact.minimum-assessments=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetApiIntegrationTest {

    private static final String BROKEN_INCLUSION = CandidateFiles.read("intensive-infant/inclusion.drl")
            .replaceFirst("then\\n", "then\n        this is not java\n");

    @Autowired
    MockMvc mvc;

    private ResultActions send(String path, String json) throws Exception {
        return RuleSetCalls.send(mvc, path, json);
    }

    private String liveVersion() throws Exception {
        return RuleSetCalls.liveVersion(mvc);
    }

    @Test
    @Order(1)
    void validatesTheLiveRulesAsTheyAreWithWarningsButNoErrors() throws Exception {
        send("/api/v1/rule-sets/validation", CandidateFiles.changing(Map.of()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.version").value(liveVersion()))
                .andExpect(jsonPath("$.rules", greaterThan(150)))
                .andExpect(jsonPath("$.errors", empty()));
    }

    @Test
    @Order(2)
    void reportsEveryErrorOfABrokenCandidateWithFileAndLine() throws Exception {
        int line = BROKEN_INCLUSION.lines().toList().indexOf("        this is not java") + 1;
        send("/api/v1/rule-sets/validation", CandidateFiles.changing(Map.of(
                "intensive-infant/inclusion.drl", BROKEN_INCLUSION,
                "intensive-infant/extra.drl", "rule \"NO-METADATA\" ruleflow-group \"criteria\"\nwhen\nthen\nend\n")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].file", hasItem("intensive-infant/inclusion.drl")))
                .andExpect(jsonPath("$.errors[?(@.file == 'intensive-infant/inclusion.drl')].line", hasItem(line)));
    }

    @Test
    @Order(3)
    void namesEveryBadFieldOfTheRequest() throws Exception {
        send("/api/v1/rule-sets/validation", """
                {"basedOn": "nope", "files": {"../etc/passwd": "x"}, "removedFiles": ["a.txt"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("basedOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem(containsString("files"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem(containsString("removedFiles"))));
        send("/api/v1/rule-sets/validation", """
                {"basedOn": "0123456789abcdef", "files": {}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("basedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a rule-set version on record"));
    }

    @Test
    @Order(4)
    void runsTheScenariosAgainstACandidateAndSaysWhatDiffers() throws Exception {
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(Map.of()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.passed", greaterThan(5)));
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(Map.of(
                CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed", greaterThan(0)))
                .andExpect(jsonPath("$.scenarios[?(@.passed == false)].differences[*]",
                        hasItem(containsString("IS-IN-RISK"))));
    }

    @Test
    @Order(5)
    void aCandidateThatDoesNotBuildCannotBeTestedAnd422NamesItsErrors() throws Exception {
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(Map.of(
                "intensive-infant/inclusion.drl", BROKEN_INCLUSION)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.errors[0].file").value("intensive-infant/inclusion.drl"))
                .andExpect(jsonPath("$.errors[0].line", greaterThan(0)));
    }

    @Test
    @Order(6)
    void listsWhatTheScenariosLeaveUntested() throws Exception {
        // Only the inclusion scenarios: every other rule is untested by them.
        send("/api/v1/rule-sets/coverage", CandidateFiles.changing(Map.of()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesFired", greaterThan(0)))
                .andExpect(jsonPath("$.rulesNeverFired", not(empty())))
                .andExpect(jsonPath("$.codesWithoutScenario", hasItem("ESC-GROWTH")));
    }

    @Test
    @Order(7)
    void refusesToActivateABrokenRuleFileWithFileAndLineAndKeepsServing() throws Exception {
        String before = liveVersion();
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("broken on purpose", Map.of(
                "intensive-infant/inclusion.drl", BROKEN_INCLUSION)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/activation-refused"))
                .andExpect(jsonPath("$.errors[0].file").value("intensive-infant/inclusion.drl"))
                .andExpect(jsonPath("$.errors[0].line", greaterThan(0)));
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rulesetVersion").value(before));
    }

    @Test
    @Order(8)
    void refusesToActivateACandidateThatFailsScenarios() throws Exception {
        String before = liveVersion();
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("three risk factors", Map.of(
                CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.failedScenarios[*].file", not(empty())))
                .andExpect(jsonPath("$.failedScenarios[*].differences[*]", hasItem(containsString("IS-IN-RISK"))));
        org.assertj.core.api.Assertions.assertThat(liveVersion()).isEqualTo(before);
    }

    @Test
    @Order(9)
    void activatesACandidateLogsItAndRollsBack() throws Exception {
        String before = liveVersion();
        String reworded = CandidateFiles.read("intensive-infant/inclusion.drl")
                .replace("@text_en(\"The parents have at least", "@text_en(\"Reworded: the parents have at least");
        String activated = send("/api/v1/rule-sets/activations", CandidateFiles.activating("clearer wording", Map.of(
                "intensive-infant/inclusion.drl", reworded)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ACTIVATED"))
                .andExpect(jsonPath("$.previousVersion").value(before))
                .andExpect(jsonPath("$.activatedBy").value("user"))
                .andExpect(jsonPath("$.reason").value("clearer wording"))
                .andReturn().getResponse().getContentAsString();
        String version = JsonPath.read(activated, "$.version");

        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rulesetVersion").value(version))
                .andExpect(jsonPath("$.programmes[*].reasons[?(@.code == 'IS-IN-RISK')].text",
                        hasItem(containsString("Reworded"))));
        mvc.perform(get("/api/v1/rule-sets/activations"))
                .andExpect(jsonPath("$[0].version").value(version))
                .andExpect(jsonPath("$[0].previousVersion").value(before));
        mvc.perform(get("/api/v1/rule-sets/" + version + "/files"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasKey(CandidateFiles.IS_PARAMETERS)))
                .andExpect(jsonPath("$['intensive-infant/inclusion.drl']", containsString("Reworded")));

        send("/api/v1/rule-sets/activations", "{\"reason\": \"back to the wording we had\", \"version\": \"" + before + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ROLLED_BACK"))
                .andExpect(jsonPath("$.version").value(before))
                .andExpect(jsonPath("$.previousVersion").value(version));
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(jsonPath("$.rulesetVersion").value(before))
                .andExpect(jsonPath("$.programmes[*].reasons[*].text", everyItem(not(containsString("Reworded")))));
    }

    @Test
    @Order(10)
    void activationNeedsAReasonAndEitherAVersionOrACandidate() throws Exception {
        send("/api/v1/rule-sets/activations", "{\"reason\": \"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        send("/api/v1/rule-sets/activations", "{\"reason\": \"why not\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        send("/api/v1/rule-sets/activations", "{\"reason\": \"why not\", \"version\": \"0123456789abcdef\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is not a rule-set version on record"));
        mvc.perform(get("/api/v1/rule-sets/0123456789abcdef/files")).andExpect(status().isNotFound());
    }

    @Test
    @Order(11)
    void acceptsAWholeRuleSetAsTheCommandLineSendsIt() throws Exception {
        Map<String, String> all = CandidateFiles.all(RuleDirectories.RULES);
        String json = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(Map.of("complete", true, "files", all));
        send("/api/v1/rule-sets/validation", json)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid", is(true)))
                .andExpect(jsonPath("$.version", matchesPattern("[0-9a-f]{16}")));
    }

    @Test
    @Order(12)
    void codeInACandidateIsRefusedEverywhereBeforeItCompilesAndNeverRuns() throws Exception {
        java.nio.file.Path marker = java.nio.file.Files.createTempDirectory("policy").resolve("ran");
        String attack = CandidateFiles.read("intensive-infant/inclusion.drl").replaceFirst("@kind\\(\"INCLUSION\"\\)",
                java.util.regex.Matcher.quoteReplacement("@kind(new java.io.File(\"" + marker.toString().replace('\\', '/')
                        + "\").createNewFile() ? \"INCLUSION\" : \"INCLUSION\")"));
        int line = attack.lines().toList().indexOf(attack.lines().filter(l -> l.contains("createNewFile")).findFirst()
                .orElseThrow()) + 1;
        String before = liveVersion();
        Map<String, String> files = Map.of("intensive-infant/inclusion.drl", attack);
        send("/api/v1/rule-sets/validation", CandidateFiles.changing(files))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].file").value("intensive-infant/inclusion.drl"))
                .andExpect(jsonPath("$.errors[0].line").value(line))
                .andExpect(jsonPath("$.errors[0].message", containsString("@kind")));
        for (String path : new String[] {"/api/v1/rule-sets/scenario-runs", "/api/v1/rule-sets/coverage",
                "/api/v1/rule-sets/impact"}) {
            send(path, CandidateFiles.changing(files))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].line").value(line));
        }
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("code in an annotation", files))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(line));
        org.assertj.core.api.Assertions.assertThat(marker).doesNotExist();
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rulesetVersion").value(before));
    }

    @Test
    @Order(13)
    void aFutureDatedParameterMistakeIsRefusedAtActivationWithItsLine() throws Exception {
        String before = liveVersion();
        String parameters = CandidateFiles.riskFactorsForIntensiveInfant(
                CandidateFiles.datedValue("2020-01-01", "2", "is-target-group-risk")
                        + CandidateFiles.datedValue("2099-01-01", "13 points", "is-target-group-risk"));
        int line = parameters.lines().toList().indexOf("      value: 13 points") + 1;
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("a typo in the future",
                Map.of(CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].file").value(CandidateFiles.IS_PARAMETERS))
                .andExpect(jsonPath("$.errors[0].line").value(line))
                .andExpect(jsonPath("$.errors[0].message", containsString("whole number")));
        send("/api/v1/rule-sets/validation", CandidateFiles.changing(Map.of(CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].line").value(line));
        org.assertj.core.api.Assertions.assertThat(liveVersion()).isEqualTo(before);
    }

    @Test
    @Order(14)
    void refusesToActivateASetWhoseFutureValueFailsScenariosOnItsDate() throws Exception {
        String before = liveVersion();
        String parameters = CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2099-01-01");
        org.assertj.core.api.Assertions.assertThat(parameters).contains("    2099-01-01:\n      value: 3");
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(Map.of(CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(0));
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("three risk factors from 2099", Map.of(
                CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("2099-01-01")))
                .andExpect(jsonPath("$.failedScenarios[*].differences[*]", hasItem(containsString("IS-IN-RISK"))));
        org.assertj.core.api.Assertions.assertThat(liveVersion()).isEqualTo(before);
    }

    @Test
    @Order(15)
    void aLoopingCandidateIsStoppedAndReportedAndTheLiveSetAndTheLockAreUnaffected() throws Exception {
        String before = liveVersion();
        Map<String, String> files = Map.of("family-placement/loop.drl", dk.visitationadvisor.support.CandidateFiles.LOOPING);
        send("/api/v1/rule-sets/validation", CandidateFiles.changing(files))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(files))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(0))
                .andExpect(jsonPath("$.scenarios[*].differences[*]", hasItem(containsString("loop"))));
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("a loop", files))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.failedScenarios", not(empty())));
        org.assertj.core.api.Assertions.assertThat(liveVersion()).isEqualTo(before);
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rulesetVersion").value(before));
        // The activation lock was let go: a candidate that passes goes live, and back.
        String parameters = CandidateFiles.read(CandidateFiles.IS_PARAMETERS) + "\n";
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("after the loop",
                Map.of(CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isCreated());
        send("/api/v1/rule-sets/activations", "{\"reason\": \"back\", \"version\": \"" + before + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    @Order(16)
    void anAuthorWhoMayNotReadCasesSeesTheImpactUnderPseudonyms() throws Exception {
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER).andExpect(status().isCreated());
        String candidate = CandidateFiles.changing(Map.of(CandidateFiles.IS_PARAMETERS,
                CandidateFiles.threeRiskFactorsForIntensiveInfant()));
        String asCaseworker = send("/api/v1/rule-sets/impact", candidate)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentsChanged", greaterThan(0)))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(asCaseworker, "$.assessments[0].assessmentId");
        mvc.perform(post("/api/v1/rule-sets/impact").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("rita").roles("RULE_AUTHOR"))
                        .contentType(MediaType.APPLICATION_JSON).content(candidate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentsChanged", greaterThan(0)))
                .andExpect(jsonPath("$.changes", not(empty())))
                .andExpect(jsonPath("$.assessments[*].assessmentId", everyItem(matchesPattern("change-[0-9a-f]{12}"))))
                .andExpect(content().string(not(containsString(id))));
    }

    @Test
    @Order(17)
    void anImpactPreviewOverTooFewAssessmentsIsRefusedSayingHowManyThereAreAndTheMinimum() throws Exception {
        send("/api/v1/rule-sets/impact?from=2001-01-01&to=2001-01-31", CandidateFiles.changing(Map.of(
                CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/too-few-assessments"))
                .andExpect(jsonPath("$.found").value(0))
                .andExpect(jsonPath("$.minimum").value(1))
                .andExpect(jsonPath("$.detail", containsString("at least 1")));
    }

    @Test
    @Order(18)
    void theImpactPreviewJudgesWithTheParameterValuesInForceOnTheDateAsked() throws Exception {
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER).andExpect(status().isCreated());
        String candidate = CandidateFiles.changing(Map.of(CandidateFiles.IS_PARAMETERS,
                CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2099-01-01")));
        send("/api/v1/rule-sets/impact", candidate)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessmentsReplayed", greaterThan(0)))
                .andExpect(jsonPath("$.assessmentsChanged").value(0));
        send("/api/v1/rule-sets/impact?asOf=2099-01-01", candidate)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2099-01-01"))
                .andExpect(jsonPath("$.assessmentsChanged", greaterThan(0)))
                .andExpect(jsonPath("$.changedParameters", hasItem("intensiveInfant.minimumRiskFactors")));
    }
}
