package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.assessment.Families;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full assessment, a read, and bad requests, with the service logging everything it logs at DEBUG:
 * none of the input values reach the log or the error documents.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:no-personal-data-in-logs;DB_CLOSE_DELAY=-1",
        "logging.level.root=INFO", "logging.level.dk.visitationadvisor=DEBUG",
        "logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.security=DEBUG"})
class NoPersonalDataInLogsIntegrationTest {

    private static final String CASE_REF = "K-LOGSCAN-7F3A9";
    private static final String CPR = "010203-1234";
    private static final String UNKNOWN_FIELD_VALUE = "SECRET-NOTE-ABOUT-THE-MOTHER";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void noInputValueReachesTheLog(CapturedOutput output) throws Exception {
        String family = json.writeValueAsString(Families.PREGNANT_MOTHER).replace("K-2026-0042", CASE_REF);
        mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(family))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/cases/" + CASE_REF + "/assessments").with(user("anna").roles("CASEWORKER")))
                .andExpect(status().isOk());
        String bad = family.replace(CASE_REF, CPR).replace("{", "{\"note\": \"" + UNKNOWN_FIELD_VALUE + "\", ");
        String problem = mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(output.getAll()).as("the log ran at DEBUG").contains(" DEBUG ")
                .doesNotContain(CASE_REF.substring(2), CPR, UNKNOWN_FIELD_VALUE, "LOW_MENTALIZATION",
                        "CHILDHOOD_TRAUMA");
        assertThat(problem).doesNotContain(CPR, UNKNOWN_FIELD_VALUE);
    }
}
