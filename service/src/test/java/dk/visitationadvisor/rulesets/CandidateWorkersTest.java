package dk.visitationadvisor.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.rulesets.RuleSetChecks.ValidationReport;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.support.CandidateFiles;
import dk.visitationadvisor.support.RuleDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate is compiled and run in a worker process with nothing of the service's environment, and
 * limits: one past its time is killed and reported, one with code in it never reaches a worker.
 */
class CandidateWorkersTest {

    private static final Path INCLUSION = RuleDirectories.SCENARIOS.resolve("intensive-infant/inclusion");
    private static final Map<String, String> LIVE = RuleFiles.fromDirectory(RuleDirectories.RULES).contents();

    private static CandidateWorkers workers(Duration timeLimit, int concurrent) {
        return new CandidateWorkers(INCLUSION, Duration.ofMinutes(10), timeLimit, "256m", concurrent);
    }

    @Test
    void theWorkerIsStartedWithAnEnvironmentOfItsOwnAndAHeapLimitAndValidatesTheLiveRules() {
        CandidateWorkers workers = workers(Duration.ofMinutes(5), 1);
        ProcessBuilder command = workers.command();

        // Whatever the service was given (its database settings, the bootstrap password, SPRING_* variables,
        // a PATH) stays with the service: the worker gets a locale and nothing else.
        assertThat(System.getenv()).isNotEmpty();
        assertThat(command.environment()).containsExactlyEntriesOf(Map.of("LC_ALL", "C.UTF-8"));
        assertThat(command.command()).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", CandidateWorker.class.getName())
                .noneMatch(argument -> argument.toLowerCase().matches(".*(password|datasource|secret|spring\\.).*"));

        ValidationReport report = workers.run(new CandidateTask.Validation(LIVE), ValidationReport.class);
        assertThat(report.valid()).isTrue();
        assertThat(report.rules()).isPositive();
        assertThat(report.version()).isEqualTo(new RuleFiles("live", LIVE).version());
    }

    @Test
    void aCandidateThatWouldWriteAFileOrReadTheEnvironmentIsRefusedAndNothingOfItRuns(@TempDir Path temp) {
        Path marker = temp.resolve("ran");
        String annotation = CandidateFiles.read("intensive-infant/inclusion.drl").replaceFirst("@kind\\(\"INCLUSION\"\\)",
                java.util.regex.Matcher.quoteReplacement("@kind(new java.io.File(\"" + marker.toString().replace('\\', '/')
                        + "\").createNewFile() ? \"INCLUSION\" : \"INCLUSION\")"));
        String environment = CandidateFiles.read("intensive-infant/inclusion.drl").replaceFirst("insert\\(",
                java.util.regex.Matcher.quoteReplacement("System.getenv().forEach((k, v) -> { });\n        insert("));
        for (String attack : new String[] {annotation, environment}) {
            Map<String, String> files = new TreeMap<>(LIVE);
            files.put("intensive-infant/inclusion.drl", attack);
            assertThatThrownBy(() -> workers(Duration.ofMinutes(5), 1).run(new CandidateTask.Validation(files),
                    ValidationReport.class))
                    .isInstanceOfSatisfying(InvalidRuleSetException.class, refused -> assertThat(refused.errors())
                            .isNotEmpty().allSatisfy(error -> assertThat(error.file())
                                    .isEqualTo("intensive-infant/inclusion.drl")));
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCheckPastItsTimeLimitIsKilledAndReported() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> workers(Duration.ofSeconds(1), 1).run(new CandidateTask.Validation(LIVE),
                ValidationReport.class))
                .isInstanceOfSatisfying(CandidateStoppedException.class,
                        stopped -> assertThat(stopped.why()).isEqualTo(CandidateStoppedException.Why.TIME_LIMIT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void noMoreWorkersRunThanAllowed() {
        assertThatThrownBy(() -> workers(Duration.ofMinutes(5), 0).run(new CandidateTask.Validation(LIVE),
                ValidationReport.class))
                .isInstanceOf(CandidateWorkersBusyException.class);
    }
}
