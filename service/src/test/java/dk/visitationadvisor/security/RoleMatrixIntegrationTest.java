package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every endpoint with every role, and without one: each allowed call gets past authorisation (its
 * answer is then the endpoint's own, e.g. 400 for the empty body sent here), each refused call gets
 * 403, and every call without credentials 401. Deny by default: an unknown API path is refused to all,
 * as 404 (or 405 where the path takes other methods) since no role would change that.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:role-matrix;DB_CLOSE_DELAY=-1")
class RoleMatrixIntegrationTest {

    private static final Set<Role> CASEWORKER = EnumSet.of(Role.CASEWORKER);
    private static final Set<Role> RULE_AUTHOR = EnumSet.of(Role.RULE_AUTHOR);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    private static final String ID = "00000000-0000-0000-0000-000000000000";

    @Autowired
    MockMvc mvc;

    /** @param refused what a role that may not call it gets: 403, or 404/405 where nothing answers at all */
    record Endpoint(HttpMethod method, String path, Set<Role> allowed, int refused) {

        Endpoint(HttpMethod method, String path, Set<Role> allowed) {
            this(method, path, allowed, 403);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/api/v1/assessments", EnumSet.of(Role.CASEWORKER, Role.SYSTEM)),
            new Endpoint(HttpMethod.POST, "/api/v1/assessments/preview", EnumSet.of(Role.CASEWORKER, Role.SYSTEM)),
            new Endpoint(HttpMethod.POST, "/api/v1/assessments:batch", EnumSet.of(Role.CASEWORKER, Role.SYSTEM)),
            new Endpoint(HttpMethod.GET, "/api/v1/assessments/" + ID, CASEWORKER),
            new Endpoint(HttpMethod.GET, "/api/v1/cases/K-MATRIX/assessments", CASEWORKER),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessments/" + ID + "/decision", CASEWORKER),
            new Endpoint(HttpMethod.GET, "/api/v1/assessments/" + ID + "/decision", EnumSet.of(Role.CASEWORKER, Role.APPROVER)),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessments/" + ID + "/decision/approval", EnumSet.of(Role.APPROVER)),
            new Endpoint(HttpMethod.DELETE, "/api/v1/cases/K-MATRIX", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/v1/erasures", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/v1/audit", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/v1/accounts", ADMIN),
            new Endpoint(HttpMethod.POST, "/api/v1/accounts", ADMIN),
            new Endpoint(HttpMethod.DELETE, "/api/v1/accounts/nobody-here", ADMIN),
            new Endpoint(HttpMethod.PUT, "/api/v1/accounts/nobody-here/enabled", ADMIN),
            new Endpoint(HttpMethod.GET, "/api/v1/rules", EnumSet.of(Role.CASEWORKER, Role.RULE_AUTHOR, Role.ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/rules/overrides", EnumSet.of(Role.RULE_AUTHOR, Role.ADMIN)),
            new Endpoint(HttpMethod.GET, "/api/v1/override-review", RULE_AUTHOR),
            new Endpoint(HttpMethod.POST, "/api/v1/rule-sets/validation", RULE_AUTHOR),
            new Endpoint(HttpMethod.POST, "/api/v1/rule-sets/scenario-runs", RULE_AUTHOR),
            new Endpoint(HttpMethod.POST, "/api/v1/rule-sets/coverage", RULE_AUTHOR),
            new Endpoint(HttpMethod.POST, "/api/v1/rule-sets/impact", RULE_AUTHOR),
            new Endpoint(HttpMethod.POST, "/api/v1/rule-sets/activations", RULE_AUTHOR),
            new Endpoint(HttpMethod.GET, "/api/v1/rule-sets/activations", RULE_AUTHOR),
            new Endpoint(HttpMethod.GET, "/api/v1/rule-sets/0123456789abcdef/files", RULE_AUTHOR),
            new Endpoint(HttpMethod.GET, "/api/v1/no-such-thing", NOBODY, 404),
            new Endpoint(HttpMethod.POST, "/api/v1/cases/K-MATRIX/assessments", NOBODY, 405));

    /** Every endpoint with every role, and with no credentials at all (role null). */
    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            calls.add(Arguments.of(endpoint, null));
            for (Role role : Role.values()) {
                calls.add(Arguments.of(endpoint, role));
            }
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    void eachRoleMayDoWhatItsAllowedAndNothingElse(Endpoint endpoint, Role role) throws Exception {
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path())
                .contentType(MediaType.APPLICATION_JSON).content("{}");
        if (role != null) {
            call = call.with(user("matrix-" + role.name().toLowerCase()).roles(role.name()));
        }

        int status = mvc.perform(call).andReturn().getResponse().getStatus();

        if (role == null) {
            assertThat(status).as("without credentials").isEqualTo(401);
        } else if (endpoint.allowed().contains(role)) {
            assertThat(status).as("allowed").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("refused").isEqualTo(endpoint.refused());
        }
    }
}
