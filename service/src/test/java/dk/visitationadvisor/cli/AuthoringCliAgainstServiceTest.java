package dk.visitationadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.assessment.Families;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.support.RuleDirectories;
import dk.visitationadvisor.support.TestAccount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The command line's impact and activate commands, against a running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:authoring-cli-service;DB_CLOSE_DELAY=-1",
        "advisor.rules.activation.require-passing-scenarios=false",
        // A few assessments are stored here; the minimum of a preview has its own test (ImpactPreviewIntegrationTest).
        "advisor.rules.impact.minimum-assessments=1"})
@DirtiesContext
class AuthoringCliAgainstServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    AssessmentService assessments;

    @Autowired
    LiveRuleSet live;

    @TempDir
    Path rules;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void storeTheContractExample() {
        assessments.assess(Families.PREGNANT_MOTHER, Locale.ENGLISH, "test");
        RuleDirectories.copyInto(rules);
    }

    /** Signed in as the test account, as an author would with --user and ADVISOR_PASSWORD. */
    private int run(String... args) {
        List<String> signedIn = new ArrayList<>(List.of(args));
        signedIn.addAll(List.of("--user", TestAccount.USERNAME));
        return AuthoringCli.run(signedIn.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8),
                Map.of("ADVISOR_PASSWORD", TestAccount.password()));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String service() {
        return "http://localhost:" + port;
    }

    @Test
    void impactOfTheLiveRulesIsNothingAndExitsZero() {
        assertThat(run("impact", RuleDirectories.RULES.toString(), "--service", service())).isEqualTo(AuthoringCli.OK);
        assertThat(output()).containsPattern("[1-9]\\d* stored assessments replayed, 0 would be answered differently");
    }

    @Test
    void impactOfAStricterThresholdListsTheChangedAnswersAndExitsOne() throws IOException {
        Files.writeString(rules.resolve(CandidateFiles.IS_PARAMETERS), CandidateFiles.threeRiskFactorsForIntensiveInfant());

        assertThat(run("impact", rules.toString(), "--service", service(), "--from", "2026-11-22", "--to", "2026-11-22"))
                .isEqualTo(AuthoringCli.FAILED);
        assertThat(output())
                .contains("changed parameters: intensiveInfant.minimumRiskFactors\n")
                .containsPattern("\\d+  STATUS INTENSIVE_INFANT: ELIGIBLE -> NOT_ELIGIBLE")
                .contains("(rules: IS-IN-RISK met, IS-IN-RISK not met)");
    }

    @Test
    void aBrokenRulesDirectoryIsNotSentAndExitsTwoWithFileAndLine() {
        RuleDirectories.replace(rules, "intensive-infant/exclusion.drl", "substanceUse == null )", "substanceUse == )");

        assertThat(run("impact", rules.toString(), "--service", service())).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("intensive-infant/exclusion.drl:");
    }

    @Test
    void anUnreachableServiceExitsTwo() {
        assertThat(run("impact", rules.toString(), "--service", "http://localhost:1")).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("cannot be reached");
    }

    @Test
    void activatesARulesDirectoryWithAReason() {
        String before = live.ruleSet().version();
        RuleDirectories.replace(rules, "intensive-infant/inclusion.drl", "@text_en(\"The parents have at least",
                "@text_en(\"From the command line: the parents have at least");

        assertThat(run("activate", rules.toString(), "--service", service())).isEqualTo(AuthoringCli.UNUSABLE);
        assertThat(output()).contains("Missing required option: '--reason=<text>'").contains("Usage: rules activate");
        assertThat(run("activate", rules.toString(), "--service", service(), "--reason", "reworded"))
                .isEqualTo(AuthoringCli.OK);

        assertThat(live.ruleSet().version()).isNotEqualTo(before);
        assertThat(output()).contains("Rule set " + live.ruleSet().version() + " is live").contains("replacing " + before);
    }
}
