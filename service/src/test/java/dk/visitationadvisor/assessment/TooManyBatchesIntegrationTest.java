package dk.visitationadvisor.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.FamilyJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A batch beyond the caller's number of batches at once is refused before anything is read: 429, a
 * problem document saying why, and when to send it again. With no batch allowed per caller, every one is.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "CASEWORKER")
@TestPropertySource(properties = "advisor.batch.max-concurrent-per-user=0")
class TooManyBatchesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aBatchOverTheCallersLimitGets429WithRetryAfterAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/assessments:batch").header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessments\": [" + FamilyJson.inCourse("K-TOO-MANY-1", "2026-11-22", "SIGNIFICANT")
                                + "]}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(get("/api/v1/cases/K-TOO-MANY-1/assessments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalAssessments").value(0));
    }
}
