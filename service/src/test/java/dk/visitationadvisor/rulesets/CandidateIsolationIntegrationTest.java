package dk.visitationadvisor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.assessment.ApiExamples;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.support.RuleSetCalls;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A candidate that runs away is stopped at its worker's limit and reported in plain words; the live rule
 * set keeps serving, and the activation lock is free: the next candidate goes live. The scenarios are the
 * intensive infant inclusion ones, which a harmless candidate passes well within the limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR"})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:candidate-isolation;DB_CLOSE_DELAY=-1",
        "advisor.scenarios.directory=../test-cases/intensive-infant/inclusion",
        "advisor.rules.activation.require-passing-scenarios=true",
        "advisor.rules.check-time-limit=PT30M",
        "advisor.rules.worker-time-limit=PT40S"})
class CandidateIsolationIntegrationTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Autowired
    MockMvc mvc;

    private ResultActions send(String path, String json) throws Exception {
        return RuleSetCalls.send(mvc, path, json);
    }

    private String liveVersion() throws Exception {
        return RuleSetCalls.liveVersion(mvc);
    }

    @Test
    void aRunawayCandidateIsStoppedWithinItsLimitAndTheLiveSetAndTheActivationLockAreUnaffected() throws Exception {
        String before = liveVersion();
        Map<String, String> files = Map.of("family-placement/runaway.drl", CandidateFiles.RUNAWAY);

        long start = System.nanoTime();
        send("/api/v1/rule-sets/scenario-runs", CandidateFiles.changing(files))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/candidate-stopped"))
                .andExpect(jsonPath("$.detail", anyOf(containsString("after 40 seconds"),
                        containsString("256 MB of memory"))));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT.plusSeconds(20));

        send("/api/v1/rule-sets/activations", CandidateFiles.activating("a runaway", files))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/candidate-stopped"));

        // The live set kept serving.
        assertThat(liveVersion()).isEqualTo(before);
        send("/api/v1/assessments", ApiExamples.PREGNANT_MOTHER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rulesetVersion").value(before));
        // The activation lock is free: a candidate that passes goes live, and back.
        String parameters = CandidateFiles.read(CandidateFiles.IS_PARAMETERS) + "\n";
        send("/api/v1/rule-sets/activations", CandidateFiles.activating("after the runaway",
                Map.of(CandidateFiles.IS_PARAMETERS, parameters)))
                .andExpect(status().isCreated());
        send("/api/v1/rule-sets/activations", "{\"reason\": \"back\", \"version\": \"" + before + "\"}")
                .andExpect(status().isCreated());
        assertThat(liveVersion()).isEqualTo(before);
    }
}
