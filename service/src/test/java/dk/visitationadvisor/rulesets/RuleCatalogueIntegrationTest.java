package dk.visitationadvisor.rulesets;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = {"CASEWORKER", "RULE_AUTHOR", "ADMIN"})
class RuleCatalogueIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheLiveRulesWithTheirTextsSourcesAndParameters() throws Exception {
        mvc.perform(get("/api/v1/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.rules[?(@.name == 'IS-IN-RISK met')].code").value("IS-IN-RISK"))
                .andExpect(jsonPath("$.rules[?(@.name == 'IS-IN-RISK met')].kind").value("INCLUSION"))
                .andExpect(jsonPath("$.rules[?(@.name == 'IS-IN-RISK met')].file").value("intensive-infant/inclusion.drl"))
                .andExpect(jsonPath("$.rules[?(@.name == 'IS-IN-RISK met')].parameters['intensiveInfant.minimumRiskFactors']['2020-01-01']")
                        .value(2))
                .andExpect(jsonPath("$.rules[?(@.name == 'IS-IN-RISK met')].sources[0].section").value("kapitel 2 »Målgruppe«"))
                .andExpect(jsonPath("$.rules[?(@.code == 'ESC-ACUTE-SAFETY')].severity").value("URGENT"))
                .andExpect(jsonPath("$.rules[?(@.code == 'PREF-NO-HOUSING')].localPolicy").value(true))
                .andExpect(jsonPath("$.rules[*].step", hasItem("followup")));
    }
}
