package dk.visitationadvisor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.FamilyJson;
import dk.visitationadvisor.support.TestAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Web hygiene findings, against the real server (Tomcat's valves and redirects are what is tested):
 * behind a TLS proxy its forwarded headers are honoured, with Secure and SameSite cookies and HSTS; the
 * Host header is never reflected; errors do not echo the input; {@code /error} is not a status 999; a
 * date like 0000-01-01 is refused; the page's form has the API's size and rate limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:web-hygiene;DB_CLOSE_DELAY=-1",
        "advisor.security.rate-limit.assessments-per-minute=8"})
class WebHygieneIntegrationTest {

    private static final String MARKER = "Zq7echoMe";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** One HTTP/1.1 exchange over a plain socket, so that any header (Host too) can be sent as a proxy would. */
    private String exchange(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                request.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            try {
                out.write(content);
                out.flush();
            } catch (IOException refusedBeforeTheWholeBody) {
                // The server may answer 413 and close before reading a body it refuses.
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String get(String path, Map<String, String> headers) throws IOException {
        return exchange("GET", path, headers, null);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static List<String> headers(String response, String name) {
        return response.substring(0, response.indexOf("\r\n\r\n")).lines()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim()).toList();
    }

    @Test
    void behindATlsProxyForwardedHeadersAreHonouredWithSecureSameSiteCookiesAndHsts() throws IOException {
        String page = get("/login", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.50"));
        assertThat(status(page)).isEqualTo(200);
        assertThat(headers(page, "Strict-Transport-Security")).singleElement().asString().contains("max-age=");
        assertThat(headers(page, "Set-Cookie")).singleElement().asString()
                .contains("JSESSIONID=", "Secure", "HttpOnly", "SameSite=Strict");

        String plain = get("/login", Map.of());
        assertThat(headers(plain, "Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();

        get("/api/v1/cases/K-FORWARDED/assessments", Map.of("X-Forwarded-For", "203.0.113.51",
                "Authorization", TestAccount.basicAuthorization()));
        assertThat(jdbc.sql("SELECT client FROM access_audit WHERE case_ref = 'K-FORWARDED'").query(String.class).list())
                .as("the client's address is the proxy's forwarded one").containsExactly("203.0.113.51");
    }

    @Test
    void theHostHeaderIsNeverReflected() throws IOException {
        String host = "evil-" + MARKER.toLowerCase() + ".example";
        String redirect = get("/", Map.of("Host", host));
        assertThat(status(redirect)).isEqualTo(302);
        assertThat(headers(redirect, "Location")).singleElement().asString().isEqualTo("/login");
        assertThat(redirect).doesNotContain(host);
        String forwardedHost = get("/", Map.of("X-Forwarded-Host", host));
        assertThat(forwardedHost).doesNotContain(host);
        assertThat(get("/v3/api-docs", Map.of("Host", host))).doesNotContain(host);
        assertThat(get("/no-such-page", Map.of("Host", host))).doesNotContain(host);
    }

    @Test
    void errorsDoNotEchoTheInput() throws IOException {
        Map<String, String> admin = Map.of("Authorization", TestAccount.basicAuthorization());
        List<String> answers = List.of(
                get("/api/v1/rules/" + MARKER, admin),
                get("/api/v1/cases/K-1/assessments?page=" + MARKER, admin),
                get("/api/v1/audit?size=" + MARKER, admin),
                exchange("POST", "/api/v1/assessments/preview", Map.of("Authorization", TestAccount.basicAuthorization(),
                        "Content-Type", "text/" + MARKER), "x"),
                exchange("POST", "/api/v1/assessments/preview", Map.of("Authorization", TestAccount.basicAuthorization(),
                        "Content-Type", "application/json"), "{\"caseRef\": \"K-1\", \"housing\": \"" + MARKER + "\"}"),
                get("/" + MARKER, admin),
                get("/assessments/" + MARKER, Map.of()));
        assertThat(answers).extracting(WebHygieneIntegrationTest::status).allSatisfy(status ->
                assertThat(status).isBetween(300, 499));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(MARKER));
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFoundNotStatus999() throws IOException {
        String json = get("/error", Map.of("Accept", "application/json"));
        assertThat(status(json)).isEqualTo(404);
        assertThat(json).doesNotContain("999");
        String page = get("/error", Map.of("Accept", "text/html", "Accept-Language", "da"));
        assertThat(status(page)).isEqualTo(404);
        assertThat(page).contains("Siden findes ikke").doesNotContain("999", "Whitelabel");
    }

    @Test
    void aDateOfYearZeroOrBefore2000IsRefused() throws IOException {
        for (String date : List.of("0000-01-01", "1899-12-31")) {
            String answer = exchange("POST", "/api/v1/assessments/preview", Map.of("Authorization",
                            TestAccount.basicAuthorization(), "Content-Type", "application/json", "Accept-Language", "en"),
                    FamilyJson.inCourse("K-DATE", date, "LOW"));
            assertThat(status(answer)).as(date).isEqualTo(400);
            assertThat(answer).contains("\"field\":\"assessmentDate\"", "must not be before 2000-01-01");
        }
        String child = exchange("POST", "/api/v1/assessments/preview", Map.of("Authorization",
                        TestAccount.basicAuthorization(), "Content-Type", "application/json"),
                "{\"caseRef\": \"K-DATE\", \"child\": {\"birthDate\": \"0000-01-01\"}}");
        assertThat(status(child)).isEqualTo(400);
        assertThat(child).contains("\"field\":\"child.birthDate\"");
    }

    @Test
    void thePageFormHasTheApisSizeAndRateLimits() throws IOException {
        String name = "former-" + System.nanoTime();
        String password = TestAccount.newPassword();
        assertThat(status(exchange("POST", "/api/v1/accounts", Map.of("Authorization", TestAccount.basicAuthorization(),
                "Content-Type", "application/json"), "{\"username\": \"" + name + "\", \"password\": \"" + password
                + "\", \"roles\": [\"CASEWORKER\"]}"))).isEqualTo(201);
        String session = signedInSession(name, password);
        String csrf = csrfToken(session);
        Map<String, String> form = Map.of("Cookie", session, "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html");
        String huge = exchange("POST", "/assessments", form, "_csrf=" + csrf + "&caseRef=K-FORM&x=" + "a".repeat(3_000_000));
        assertThat(status(huge)).as("a 3 MB form").isEqualTo(413);
        assertThat(huge).doesNotContain("Whitelabel");

        int tooMany = 0;
        for (int i = 0; i < 12; i++) {
            tooMany += status(exchange("POST", "/assessments", form, "_csrf=" + csrf + "&caseRef=K-FORM-" + i)) == 429
                    ? 1 : 0;
        }
        assertThat(tooMany).as("over 8 assessments a minute from the form").isGreaterThanOrEqualTo(3);
    }

    private String signedInSession(String name, String password) throws IOException {
        String login = get("/login", Map.of());
        String cookie = headers(login, "Set-Cookie").get(0).split(";")[0];
        String token = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String signedIn = exchange("POST", "/login", Map.of("Cookie", cookie, "Content-Type",
                "application/x-www-form-urlencoded"), String.join("&", "username=" + name, "pass" + "word=" + password,
                "_csrf=" + token));
        assertThat(status(signedIn)).isEqualTo(302);
        return headers(signedIn, "Set-Cookie").get(0).split(";")[0];
    }

    private String csrfToken(String session) throws IOException {
        String form = get("/", Map.of("Cookie", session));
        assertThat(status(form)).isEqualTo(200);
        return form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }
}
