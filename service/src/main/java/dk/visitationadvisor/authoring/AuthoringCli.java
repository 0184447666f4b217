package dk.visitationadvisor.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.RuleSetException;
import dk.visitationadvisor.ruleengine.RuleSetProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The command line for domain experts: check a rules directory, run the scenarios against it, and
 * see what they leave untested, without starting the service. See docs/authoring-cli.md.
 *
 * <p>Exit codes: 0 all fine; 1 scenarios fail, (coverage) something is untested, (impact) some answers
 * would change, or (activate) the service refused the rule set because scenarios fail; 2 the rule set
 * does not build, the service cannot be reached or refused the request, or the command is wrong.
 */
public final class AuthoringCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = """
            usage: validate <rules-dir>
                   test     <rules-dir> <test-cases-dir> [folder]
                   coverage <rules-dir> <test-cases-dir>
                   impact   <rules-dir> --service <url> [--user NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
                   activate <rules-dir> --service <url> [--user NAME] --reason <text>
            Against the service, sign in with --user and the password in ADVISOR_PASSWORD, or with the
            bearer token in ADVISOR_TOKEN.""";
    private static final List<String> COMMANDS = List.of("validate", "test", "coverage", "impact", "activate");
    /** How many changed assessments the impact command lists; all are counted. */
    private static final int LISTED = 20;

    private AuthoringCli() {
    }

    public static void main(String[] args) {
        // The engine's own logging is for developers; the author reads this command's output.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.drools")).setLevel(Level.OFF);
        System.exit(run(args, System.out, System.getenv()));
    }

    static int run(String[] args, PrintStream out) {
        return run(args, out, Map.of());
    }

    /** @param environment where the password or token for the service is (never on the command line) */
    static int run(String[] args, PrintStream out, Map<String, String> environment) {
        if (args.length < 2 || !COMMANDS.contains(args[0]) || (!args[0].equals("validate") && args.length < 3)) {
            out.println(USAGE);
            return UNUSABLE;
        }
        Path rules = Path.of(args[1]);
        try {
            return switch (args[0]) {
                case "validate" -> validate(rules, out);
                case "test" -> test(rules, Path.of(args[2]).resolve(args.length > 3 ? args[3] : ""), out);
                case "coverage" -> coverage(rules, Path.of(args[2]), out);
                default -> remote(args, rules, out, environment);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return UNUSABLE;
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
        ruleSet.warnings().forEach(warning -> out.println("  warning: " + warning));
        return OK;
    }

    /** Commands against the running service: the rules directory is checked here first, then sent. */
    private static int remote(String[] args, Path rules, PrintStream out, Map<String, String> environment) {
        Map<String, String> options = options(args);
        String service = options.get("--service");
        if (service == null) {
            throw new IllegalArgumentException("--service <url> is required, e.g. --service http://localhost:8080");
        }
        RuleFiles files = RuleFiles.fromDirectory(rules);
        RuleSetBuilder.build(files);
        AuthoringService api = new AuthoringService(service, authorization(options.get("--user"), environment));
        try {
            if (args[0].equals("impact")) {
                AuthoringService.Answer answer = api.impact(files,
                        options.containsKey("--from") ? LocalDate.parse(options.get("--from")) : null,
                        options.containsKey("--to") ? LocalDate.parse(options.get("--to")) : null,
                        Integer.parseInt(options.getOrDefault("--limit", String.valueOf(LISTED))));
                return answer.status() == 200 ? RemoteReports.impact(answer.body(), out)
                        : RemoteReports.problem(answer, out);
            }
            String reason = options.get("--reason");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("--reason <text> is required: why this rule set goes live");
            }
            AuthoringService.Answer answer = api.activate(files, reason);
            return answer.status() == 201 ? RemoteReports.activated(answer.body(), out)
                    : RemoteReports.problem(answer, out);
        } catch (IOException e) {
            out.println("The service at " + service + " cannot be reached: " + e.getClass().getSimpleName());
            return UNUSABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNUSABLE;
        }
    }

    /** HTTP Basic for --user with ADVISOR_PASSWORD, else the bearer token in ADVISOR_TOKEN, else none. */
    private static String authorization(String user, Map<String, String> environment) {
        if (user != null) {
            String password = environment.get("ADVISOR_PASSWORD");
            if (password == null) {
                throw new IllegalArgumentException("--user needs the password in the environment variable ADVISOR_PASSWORD");
            }
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String token = environment.get("ADVISOR_TOKEN");
        return token == null ? null : "Bearer " + token;
    }

    /** {@code --name value} pairs after the rules directory. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Not an option with a value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
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
