package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.scenarios.Scenario;
import dk.visitationadvisor.scenarios.ScenarioRunner;
import dk.visitationadvisor.ruleengine.RuleFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario under {@code test-cases/} through the real rule files in {@code rules/}. Set
 * {@code -Dscenarios=family-placement/inclusion} to run one folder only.
 */
class ScenarioTest {

    static final Path RULES = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
    static final Path SCENARIOS = Path.of(System.getProperty("advisor.scenarios.directory", "../test-cases"));

    private static ScenarioRunner runner;

    @BeforeAll
    static void buildRuleSet() {
        runner = new ScenarioRunner(RuleFiles.fromDirectory(RULES));
    }

    static Stream<Named<Path>> scenarios() {
        Path directory = SCENARIOS.resolve(System.getProperty("scenarios", ""));
        return Scenario.filesBelow(directory).stream()
                .map(file -> Named.of(SCENARIOS.relativize(file).toString(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersAsTheScenarioExpects(Path file) {
        ScenarioRunner.Result result = runner.run(file);

        assertThat(result.differences()).as("%s%n  %s", result.name(), file).isEmpty();
    }
}
