package dk.visitationadvisor.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.RuleSetException;
import dk.visitationadvisor.ruleengine.RuleSetProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The command line for domain experts: check a rules directory, run the scenarios against it, and
 * see what they leave untested, without starting the service. See docs/authoring-cli.md.
 *
 * <p>Exit codes: 0 all fine; 1 scenarios fail, or (coverage) something is untested; 2 the rule set
 * does not build, or the command is wrong.
 */
public final class AuthoringCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = """
            usage: validate <rules-dir>
                   test     <rules-dir> <test-cases-dir> [folder]
                   coverage <rules-dir> <test-cases-dir>""";

    private AuthoringCli() {
    }

    public static void main(String[] args) {
        // The engine's own logging is for developers; the author reads this command's output.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.drools")).setLevel(Level.OFF);
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length < 2 || !List.of("validate", "test", "coverage").contains(args[0])
                || (!args[0].equals("validate") && args.length < 3)) {
            out.println(USAGE);
            return UNUSABLE;
        }
        Path rules = Path.of(args[1]);
        try {
            return switch (args[0]) {
                case "validate" -> validate(rules, out);
                case "test" -> test(rules, Path.of(args[2]).resolve(args.length > 3 ? args[3] : ""), out);
                default -> coverage(rules, Path.of(args[2]), out);
            };
        } catch (RuleSetException e) {
            out.println("The rule set in " + rules + " cannot be used:");
            for (RuleSetProblem problem : e.problems()) {
                out.println("  " + problem);
            }
            return UNUSABLE;
        }
    }

    private static int validate(Path rules, PrintStream out) {
        RuleSet ruleSet = RuleSetBuilder.build(RuleFiles.fromDirectory(rules));
        out.printf("OK: rule set %s, %d rules, %d parameters, %d source passages%n", ruleSet.version(),
                ruleSet.rules().size(), ruleSet.parameters().definitions().size(), ruleSet.sources().passages().size());
        return OK;
    }

    private static int test(Path rules, Path scenarios, PrintStream out) {
        if (!Files.isDirectory(scenarios)) {
            out.println("No scenario folder " + scenarios);
            return UNUSABLE;
        }
        List<ScenarioRunner.Result> results = new ScenarioRunner(RuleFiles.fromDirectory(rules)).runAll(scenarios);
        long failed = results.stream().filter(r -> !r.passed()).count();
        for (ScenarioRunner.Result result : results) {
            if (!result.passed()) {
                out.println("FAIL " + result.file());
                out.println("     " + result.name());
                result.differences().forEach(difference -> out.println("     - " + difference));
            }
        }
        out.printf("%d passed, %d failed%n", results.size() - failed, failed);
        return failed == 0 ? OK : FAILED;
    }

    private static int coverage(Path rules, Path scenarios, PrintStream out) {
        ScenarioRunner runner = new ScenarioRunner(RuleFiles.fromDirectory(rules));
        List<Path> files = Scenario.filesBelow(scenarios);
        Coverage coverage = Coverage.of(runner.ruleSet(), runner.runAll(scenarios), files);
        out.printf("%d of %d rules fire in some scenario; %d of %d codes appear in some scenario%n",
                coverage.rules() - coverage.rulesNeverFired().size(), coverage.rules(),
                coverage.codes() - coverage.codesWithoutScenario().size(), coverage.codes());
        coverage.rulesNeverFired().forEach(rule -> out.println("  rule never fired: " + rule));
        coverage.codesWithoutScenario().forEach(code -> out.println("  code in no scenario: " + code));
        return coverage.complete() ? OK : FAILED;
    }
}
