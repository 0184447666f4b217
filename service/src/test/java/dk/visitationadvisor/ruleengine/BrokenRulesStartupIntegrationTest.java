package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.support.RuleDirectories;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

class BrokenRulesStartupIntegrationTest {

    @TempDir
    Path rules;

    @Test
    void aBrokenRuleFileStopsStartUpWithFileLineAndProblem() {
        RuleDirectories.copyInto(rules);
        String condition = "$parent : Parent( participates != false, substanceUse == SubstanceUse.ACTIVE_NO_TREATMENT )";
        int line = RuleDirectories.lineOf(rules, "intensive-infant/exclusion.drl", condition);
        RuleDirectories.replace(rules, "intensive-infant/exclusion.drl", condition,
                "$parent : Parent( participates != false, substanceUse === SubstanceUse.ACTIVE_NO_TREATMENT )");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(VisitationAdvisorApplication.class)
                .web(WebApplicationType.NONE)
                .run("--advisor.rules.directory=" + rules));

        RuleSetException cause = findCause(failure);
        assertThat(cause.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("intensive-infant/exclusion.drl"))
                .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(line));
        FailureAnalysis analysis = new RuleSetFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("intensive-infant/exclusion.drl:" + line + ":");
        assertThat(analysis.getAction()).contains("docs/rule-authoring.md");
    }

    private static RuleSetException findCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleSetException ruleSetException) {
                return ruleSetException;
            }
        }
        throw new AssertionError("Start-up did not fail on the rule set", failure);
    }
}
