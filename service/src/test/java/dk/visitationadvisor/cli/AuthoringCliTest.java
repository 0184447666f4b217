package dk.visitationadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.RuleDirectories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dk.visitationadvisor.support.CandidateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthoringCliTest {

    @TempDir
    Path rules;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuthoringCli.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private void write(String file, String content) {
        try {
            Files.writeString(rules.resolve(file), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatesTheRepositorysRules() {
        assertThat(run("validate", RuleDirectories.RULES.toString())).isEqualTo(AuthoringCli.OK);
        assertThat(output()).startsWith("OK: rule set ");
    }

    @Test
    void refusesABrokenRuleSetWithFileAndLine() {
        RuleDirectories.copyInto(rules);
        RuleDirectories.replace(rules, "intensive-infant/exclusion.drl", "substanceUse == null )", "substanceUse == )");

        assertThat(run("validate", rules.toString())).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("intensive-infant/exclusion.drl:");
    }

    @Test
    void refusesCodeInARuleFileBeforeItCompilesAndNothingRuns() {
        RuleDirectories.copyInto(rules);
        Path marker = rules.resolve("ran");
        RuleDirectories.replace(rules, "intensive-infant/exclusion.drl", "then\n", "then\n    new java.io.File(\""
                + marker.toString().replace('\\', '/') + "\").createNewFile();\n");

        assertThat(run("test", rules.toString(), RuleDirectories.SCENARIOS.toString(), "intensive-infant/exclusion"))
                .isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("intensive-infant/exclusion.drl:").contains("only insert(");
        assertThat(marker).doesNotExist();
    }

    @Test
    void failsWhenAChangedThresholdBreaksScenarios() {
        RuleDirectories.copyInto(rules);
        write(CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfant());

        assertThat(run("test", rules.toString(), RuleDirectories.SCENARIOS.toString(), "intensive-infant/inclusion"))
                .isEqualTo(AuthoringCli.FAILED);
        assertThat(output()).contains("FAIL ").contains("IS-IN-RISK: expected MET, was NOT_MET").containsPattern(
                "\\d+ passed, [1-9]\\d* failed");
    }

    @Test
    void aFutureDatedValueIsJudgedOnItsDateWithAsOf() {
        RuleDirectories.copyInto(rules);
        write(CandidateFiles.IS_PARAMETERS, CandidateFiles.threeRiskFactorsForIntensiveInfantFrom("2099-01-01"));

        assertThat(run("test", rules.toString(), RuleDirectories.SCENARIOS.toString(), "intensive-infant/inclusion"))
                .isEqualTo(AuthoringCli.OK);
        output.reset();
        assertThat(run("test", rules.toString(), RuleDirectories.SCENARIOS.toString(), "intensive-infant/inclusion", "--as-of",
                "2099-01-01")).isEqualTo(AuthoringCli.FAILED);
        assertThat(output()).contains("IS-IN-RISK: expected MET, was NOT_MET");
        output.reset();
        assertThat(run("test", rules.toString(), RuleDirectories.SCENARIOS.toString(), "--as-of", "2098-12-31",
                "intensive-infant/inclusion")).isEqualTo(AuthoringCli.OK);
    }

    @Test
    void passesTheRepositorysScenariosForAFolder() {
        assertThat(run("test", RuleDirectories.RULES.toString(), RuleDirectories.SCENARIOS.toString(), "recommendation"))
                .isEqualTo(AuthoringCli.OK);
        assertThat(output()).containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    void reportsARuleThatNoScenarioMakesFire() throws IOException {
        RuleDirectories.copyInto(rules);
        Path scenarios = Files.createDirectories(rules.resolve("../scenarios-" + rules.getFileName()));
        Files.copy(RuleDirectories.SCENARIOS.resolve("recommendation/preference/pref-no-housing.yaml"), scenarios.resolve("one.yaml"));

        assertThat(run("coverage", rules.toString(), scenarios.toString())).isEqualTo(AuthoringCli.FAILED);
        assertThat(output()).contains("rule never fired: PREF-DOMESTIC-VIOLENCE")
                .contains("code in no scenario: ESC-GROWTH");
    }

    @Test
    void coverageOfTheRepositoryIsCompleteOnceItsAcceptedGapsAreListed() {
        assertThat(run("coverage", RuleDirectories.RULES.toString(), RuleDirectories.SCENARIOS.toString())).isEqualTo(AuthoringCli.OK);
        assertThat(output()).contains("accepted, rule never fired: STATUS-NEEDS-ASSESSMENT")
                .doesNotContain("  rule never fired:");
    }

    @Test
    void rollbackNeedsTheServiceAndAReason() {
        assertThat(run("rollback", "0123456789abcdef", "--service", "http://localhost:1"))
                .isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("--reason");
        output.reset();
        assertThat(run("rollback", "0123456789abcdef", "--service", "http://127.0.0.1:1", "--reason", "back"))
                .isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("cannot be reached");
    }

    @Test
    void aWrongCommandSaysWhatIsWrongWithItsUsageAndExitsTwo() {
        assertThat(run("activate")).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("Missing required").contains("<rules-dir>").contains("Usage: rules activate");
        output.reset();
        assertThat(run("validat", "rules")).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("validat").contains("validate");
        output.reset();
        assertThat(run("test", "rules", "test-cases", "--as-of", "2027-13-01")).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("--as-of").contains("2027-13-01");
        output.reset();
        assertThat(run("impact", "rules", "--service", "http://localhost:1", "--limit", "many"))
                .isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("--limit").contains("many");
        output.reset();
        assertThat(run()).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("Usage: rules");
    }

    @Test
    void aBlankReasonOrAUserWithoutPasswordIsAWrongCommand() {
        assertThat(run("rollback", "0123456789abcdef", "--service", "http://127.0.0.1:1", "--reason", " "))
                .isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("--reason <text> must say").contains("Usage: rules rollback");
        output.reset();
        assertThat(run("rollback", "0123456789abcdef", "--service", "http://127.0.0.1:1", "--reason", "back",
                "--user", "anna")).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("ADVISOR_PASSWORD").doesNotContain("cannot be reached");
    }

    @Test
    void itsHelpListsEveryCommandAndTheExitCodes() {
        assertThat(run("--help")).isEqualTo(AuthoringCli.OK);
        assertThat(output()).startsWith("Usage: rules")
                .contains("validate", "test", "coverage", "impact", "activate", "rollback", "completion")
                .contains("Exit codes:").containsPattern("(?m)^\\s+2\\s+the rule set does not build")
                .contains("ADVISOR_PASSWORD");
        output.reset();
        assertThat(run("impact", "--help")).isEqualTo(AuthoringCli.OK);
        assertThat(output()).startsWith("Usage: rules impact")
                .contains("--service=<url>", "--user=NAME", "--from=YYYY-MM-DD", "--to=YYYY-MM-DD", "--limit=N",
                        "--as-of=YYYY-MM-DD", "(default: 20)");
        output.reset();
        assertThat(run("test", "--help")).isEqualTo(AuthoringCli.OK);
        assertThat(output()).startsWith("Usage: rules test").containsPattern("<rules-dir> <test-cases-dir>\\s+\\[<folder>]");
    }

    @Test
    void printsABashCompletionScriptForEveryCommandAndOption() {
        assertThat(run("completion")).isEqualTo(AuthoringCli.OK);
        assertThat(output()).contains("complete -F _complete_rules")
                .contains("validate").contains("rollback").contains("--as-of").contains("--reason");
    }

    @Test
    void impactSendsItsOptionsToTheServiceAsAQuery() throws IOException {
        List<String> queries = new ArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/", exchange -> {
            queries.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery());
            byte[] problem = "{\"detail\": \"refused here\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        service.start();
        try {
            assertThat(run("impact", RuleDirectories.RULES.toString(), "--service",
                    "http://127.0.0.1:" + service.getAddress().getPort(), "--as-of", "2027-01-01", "--from", "2026-01-01",
                    "--limit", "5")).isEqualTo(AuthoringCli.UNUSABLE);
        } finally {
            service.stop(0);
        }
        assertThat(queries).containsExactly("/api/v1/rule-sets/impact?limit=5&from=2026-01-01&asOf=2027-01-01");
        assertThat(output()).contains("refused here");
    }
}
