package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * docs/rule-catalogue.md is what GET /api/v1/rules answers as Markdown for the repository's rules, so
 * it cannot drift from them. To regenerate after a rule change:
 * {@code mvn -pl service test -Dtest=RuleCatalogueDocsTest -Dadvisor.docs.write=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
class RuleCatalogueDocsTest {

    private static final Path CATALOGUE = Path.of(System.getProperty("advisor.docs.directory", "../docs"))
            .resolve("rule-catalogue.md");

    @Autowired
    MockMvc mvc;

    @Test
    void theCatalogueInDocsIsWhatTheServiceAnswersForTheRepositorysRules() throws Exception {
        String served = mvc.perform(get("/api/v1/rules").accept("text/markdown"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("advisor.docs.write")) {
            Files.writeString(CATALOGUE, served);
            return;
        }
        assertThat(served).contains("### IS-IN-RISK met").contains("parameter `intensiveInfant.minimumRiskFactors`");
        assertThat(Files.readString(CATALOGUE))
                .as("docs/rule-catalogue.md is out of date with the rules; regenerate it with "
                        + "mvn -pl service test -Dtest=RuleCatalogueDocsTest -Dadvisor.docs.write=true")
                .isEqualTo(served);
    }
}
