package dk.visitationadvisor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.support.RuleDirectories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A candidate that loops, or runs past its time limit, fails its scenarios and is reported; nothing hangs. */
class ScenarioRunnerLimitsTest {

    private static final Path INCLUSION = RuleDirectories.SCENARIOS.resolve("intensive-infant/inclusion");

    @Test
    void scenariosNotStartedByTheDeadlineFailAsNotRun() {
        RuleSet live = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));
        List<ScenarioRunner.Result> results = new ScenarioRunner(live).runAll(INCLUSION, Instant.EPOCH);
        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat(result.differences())
                .singleElement().asString().contains("time limit"));
    }

    @Test
    void aLoopingCandidateFailsEachScenarioWithinTheEnginesLimitOfFirings() {
        Map<String, String> files = new TreeMap<>(RuleFiles.fromDirectory(RuleDirectories.RULES).contents());
        files.put("family-placement/loop.drl", dk.visitationadvisor.support.CandidateFiles.LOOPING);
        RuleSet candidate = RuleSetBuilder.build(new RuleFiles("candidate", files));
        List<ScenarioRunner.Result> results = new ScenarioRunner(candidate).runAll(INCLUSION);
        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat(result.differences())
                .anySatisfy(difference -> assertThat(difference).contains("a rule loops")));
    }
}
