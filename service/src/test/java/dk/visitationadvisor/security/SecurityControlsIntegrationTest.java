package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.assessment.Families;
import dk.visitationadvisor.support.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controls around the roles: sign-in with hashed passwords, throttling of guessed passwords,
 * the access audit, rate limiting, and the web's headers and CSRF protection.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:security-controls;DB_CLOSE_DELAY=-1",
        "advisor.security.rate-limit.assessments-per-minute=5",
        "advisor.security.login.max-failures=3"})
class SecurityControlsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    private String family(String caseRef) {
        return json.writeValueAsString(Families.PREGNANT_MOTHER).replace("K-2026-0042", caseRef);
    }

    @Test
    void anUnauthenticatedCallGets401WithAProblemDocumentAndTheSchemesToUse() throws Exception {
        mvc.perform(get("/api/v1/cases/K-1/assessments"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().stringValues("WWW-Authenticate", hasItem(containsString("Basic"))))
                .andExpect(header().stringValues("WWW-Authenticate", hasItem("Bearer")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void theBootstrapAccountSignsInWithItsPasswordAndNotWithAnother() throws Exception {
        mvc.perform(get("/api/v1/rules").with(httpBasic(TestAccount.USERNAME, TestAccount.password())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/rules").with(httpBasic(TestAccount.USERNAME, "wrong-" + TestAccount.password())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void accountsAreStoredHashedAndLockedAfterRepeatedWrongPasswords() throws Exception {
        String password = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/accounts").with(user("boss").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"guessed\", \"password\": \"" + password
                                + "\", \"roles\": [\"CASEWORKER\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/accounts").with(user("boss").roles("ADMIN")))
                .andExpect(jsonPath("$[?(@.username == 'guessed')].roles[0]").value("CASEWORKER"))
                .andExpect(jsonPath("$..password").doesNotExist());

        for (int attempt = 0; attempt < 3; attempt++) {
            mvc.perform(get("/api/v1/rules").with(httpBasic("guessed", "guess-" + attempt)))
                    .andExpect(status().isUnauthorized());
        }
        // Locked now: even the right password is refused until the lockout ends.
        mvc.perform(get("/api/v1/rules").with(httpBasic("guessed", password)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void everyCallOnACaseIsAuditedWithWhoWhatWhichCaseAndOutcome() throws Exception {
        mvc.perform(post("/api/v1/assessments").with(user("anna").roles("CASEWORKER"))
                        .contentType(MediaType.APPLICATION_JSON).content(family("K-AUDIT-1")))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/cases/K-AUDIT-1/assessments").with(user("anna").roles("CASEWORKER")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/K-AUDIT-1/assessments").with(user("sys").roles("SYSTEM")))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/audit").param("caseRef", "K-AUDIT-1").with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].principal").value("sys"))
                .andExpect(jsonPath("$[0].action").value("GET /api/v1/cases/K-AUDIT-1/assessments"))
                .andExpect(jsonPath("$[0].outcome").value(403))
                .andExpect(jsonPath("$[1].principal").value("anna"))
                .andExpect(jsonPath("$[1].action").value("GET /api/v1/cases/{caseRef}/assessments"))
                .andExpect(jsonPath("$[1].outcome").value(200))
                .andExpect(jsonPath("$[2].action").value("POST /api/v1/assessments"))
                .andExpect(jsonPath("$[2].assessmentId").isNotEmpty())
                .andExpect(jsonPath("$[2].outcome").value(201));
    }

    @Test
    void aClientAssessingTooOftenGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/assessments/preview").with(user("busy").roles("SYSTEM"))
                            .contentType(MediaType.APPLICATION_JSON).content(family("K-RATE")))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/assessments/preview").with(user("busy").roles("SYSTEM"))
                        .contentType(MediaType.APPLICATION_JSON).content(family("K-RATE")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429));
        // Another client is not held back by the busy one.
        mvc.perform(post("/api/v1/assessments/preview").with(user("calm").roles("SYSTEM"))
                        .contentType(MediaType.APPLICATION_JSON).content(family("K-RATE")))
                .andExpect(status().isOk());
    }

    @Test
    void thePageAsksForASignInAndSendsTheSecurityHeaders() throws Exception {
        var answer = mvc.perform(get("/").secure(true))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Strict-Transport-Security"))
                .andReturn();
        assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        // No HSTS over plain HTTP: it would be ignored there, and locks out a test instance on localhost.
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", TestAccount.USERNAME).param("password", TestAccount.password()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf())
                        .param("username", TestAccount.USERNAME).param("password", TestAccount.password()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"));
    }
}
