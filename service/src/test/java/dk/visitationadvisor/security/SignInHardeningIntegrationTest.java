package dk.visitationadvisor.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in findings: five wrong passwords from anyone locked an account (the administrator too), even
 * through the open readiness endpoint; a deleted or disabled account's page session kept working; an
 * account could be made with the password 000000000000; a password over 72 bytes gave a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:sign-in-hardening;DB_CLOSE_DELAY=-1",
        "advisor.security.login.max-failures=3"})
class SignInHardeningIntegrationTest {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A new caseworker account with a strong password; its name. */
    private String account(String password) throws Exception {
        String name = "cw-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/accounts").with(user("boss").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + name + "\", \"password\": \"" + password
                                + "\", \"roles\": [\"CASEWORKER\"]}"))
                .andExpect(status().isCreated());
        return name;
    }

    @Test
    void wrongPasswordsLockTheAccountForTheGuessingClientOnlyNotForItsOwner() throws Exception {
        String password = TestAccount.newPassword();
        String name = account(password);
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/rules").with(httpBasic(name, "guess-" + i)).with(from("203.0.113.66")))
                    .andExpect(status().isUnauthorized());
        }
        // Locked for the guessing client, even with the right password.
        mvc.perform(get("/api/v1/rules").with(httpBasic(name, password)).with(from("203.0.113.66")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/rules").with(httpBasic(name, password)).with(from("198.51.100.7")))
                .andExpect(status().isOk());
    }

    @Test
    void theOpenReadinessEndpointNeverCountsAsASignIn() throws Exception {
        String password = TestAccount.newPassword();
        String name = account(password);
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/actuator/health/readiness").with(httpBasic(name, "wrong-" + i)).with(from("203.0.113.9")))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/rules").with(httpBasic(name, password)).with(from("203.0.113.9")))
                .andExpect(status().isOk());
    }

    @Test
    void aDeletedOrDisabledAccountsPageSessionEndsAtOnce() throws Exception {
        for (boolean delete : new boolean[] {true, false}) {
            String password = TestAccount.newPassword();
            String name = account(password);
            MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                            .param("username", name).param("password", password))
                    .andExpect(status().is3xxRedirection())
                    .andReturn().getRequest().getSession();
            mvc.perform(get("/").session(session)).andExpect(status().isOk());

            if (delete) {
                mvc.perform(delete("/api/v1/accounts/{name}", name).with(user("boss").roles("ADMIN")))
                        .andExpect(status().isNoContent());
            } else {
                mvc.perform(put("/api/v1/accounts/{name}/enabled", name).with(user("boss").roles("ADMIN"))
                                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                        .andExpect(status().isNoContent());
            }
            mvc.perform(get("/").session(session))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", containsString("/login")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000000000", "password1234", "123456789012", "qwertyuiopasdf", "aaaaaaaaaaaaaaaa",
            "Password123!", "admin-admin-admin", "kort"})
    void anAccountCannotBeCreatedWithAShortCommonRepeatedOrSequentialPassword(String password) throws Exception {
        mvc.perform(post("/api/v1/accounts").with(user("boss").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"username\": \"admin-admin\", \"password\": \"" + password
                                + "\", \"roles\": [\"CASEWORKER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.either(containsString("guess"))
                        .or(containsString("at least 12"))));
    }

    @Test
    void aPasswordOver72BytesIsRefusedNotA500() throws Exception {
        String long73 = "æøå-lang-adgangskode-".repeat(4);
        mvc.perform(post("/api/v1/accounts").with(user("boss").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"username\": \"long-one\", \"password\": \"" + long73 + "\", \"roles\": [\"CASEWORKER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 64 characters and 72 bytes of UTF-8"));
        mvc.perform(get("/api/v1/rules").with(httpBasic("admin", "x".repeat(200))))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "y".repeat(200)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login?error")));
    }
}
