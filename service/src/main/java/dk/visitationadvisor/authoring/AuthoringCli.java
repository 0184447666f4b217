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
                   test     <rules-dir> <test-cases-dir> [folder] [--as-of YYYY-MM-DD]
                   coverage <rules-dir> <test-cases-dir>
                   impact   <rules-dir> --service <url> [--user NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
                   activate <rules-dir> --service <url> [--user NAME] --reason <text>
                   rollback <version>   --service <url> [--user NAME] --reason <text>
            Against the service, sign in with --user NAME and the password in the environment variable
            ADVISOR_PASSWORD, or without --user with the bearer token in ADVISOR_TOKEN.""";
    private static final List<String> COMMANDS = List.of("validate", "test", "coverage", "impact", "activate",
            "rollback");
    /** In the scenario folder: rules and codes that no scenario can reach, one per line: name | reason. */
    static final String COVERAGE_EXCEPTIONS = "coverage-exceptions.txt";
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
                case "test" -> test(rules, args, out);
                case "coverage" -> coverage(rules, Path.of(args[2]), out);
                case "rollback" -> rollback(args, out, environment);
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
        return reaching(service, out, () -> {
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
            return activated(api.activate(files, reason), out);
        });
    }

    /** {@code rollback <version> --service <url> --reason <text>}: makes an earlier version live again. */
    private static int rollback(String[] args, PrintStream out, Map<String, String> environment) {
        Map<String, String> options = options(args);
        String service = options.get("--service");
        if (service == null) {
            throw new IllegalArgumentException("--service <url> is required, e.g. --service http://localhost:8080");
        }
        String reason = options.get("--reason");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--reason <text> is required: why the earlier version goes live again");
        }
        AuthoringService api = new AuthoringService(service, authorization(options.get("--user"), environment));
        return reaching(service, out, () -> activated(api.rollback(args[1], reason), out));
    }

    private static int activated(AuthoringService.Answer answer, PrintStream out) {
        return answer.status() == 201 ? RemoteReports.activated(answer.body(), out) : RemoteReports.problem(answer, out);
    }

    /** A call of the running service, answered with the command's exit status. */
    private interface RemoteCall {
        int run() throws IOException, InterruptedException;
    }

    /** Runs the call; a service that cannot be reached is said so, and the command is unusable. */
    private static int reaching(String service, PrintStream out, RemoteCall call) {
        try {
            return call.run();
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

    /** {@code test <rules> <test-cases> [folder] [--as-of DATE]}. */
    private static int test(Path rules, String[] args, PrintStream out) {
        List<String> positional = new java.util.ArrayList<>(List.of(args));
        LocalDate asOf = null;
        int option = positional.indexOf("--as-of");
        if (option >= 0) {
            if (option + 1 >= positional.size()) {
                throw new IllegalArgumentException("--as-of needs a date, YYYY-MM-DD");
            }
            asOf = LocalDate.parse(positional.get(option + 1));
            positional.subList(option, option + 2).clear();
        }
        Path scenarios = Path.of(positional.get(2)).resolve(positional.size() > 3 ? positional.get(3) : "");
        if (!Files.isDirectory(scenarios)) {
            out.println("No scenario folder " + scenarios);
            return UNUSABLE;
        }
        if (asOf != null) {
            out.println("Judged with the parameter values in force on " + asOf);
        }
        List<ScenarioRunner.Result> results = new ScenarioRunner(RuleSetBuilder.build(RuleFiles.fromDirectory(rules)),
                asOf).runAll(scenarios);
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
        Map<String, String> accepted = coverageExceptions(scenarios.resolve(COVERAGE_EXCEPTIONS));
        out.printf("%d of %d rules fire in some scenario; %d of %d codes appear in some scenario%n",
                coverage.rules() - coverage.rulesNeverFired().size(), coverage.rules(),
                coverage.codes() - coverage.codesWithoutScenario().size(), coverage.codes());
        long gaps = 0;
        for (String rule : coverage.rulesNeverFired()) {
            gaps += gap("rule never fired: ", rule, accepted, out);
        }
        for (String code : coverage.codesWithoutScenario()) {
            gaps += gap("code in no scenario: ", code, accepted, out);
        }
        return gaps == 0 ? OK : FAILED;
    }

    /** Prints one gap; 1 when it counts, 0 when coverage-exceptions.txt accepts it with a reason. */
    private static int gap(String what, String name, Map<String, String> accepted, PrintStream out) {
        String reason = accepted.get(name);
        if (reason != null) {
            out.println("  accepted, " + what + name + " (" + reason + ")");
            return 0;
        }
        out.println("  " + what + name);
        return 1;
    }

    /** {@code name | reason} per line; # starts a comment. */
    private static Map<String, String> coverageExceptions(Path file) {
        Map<String, String> accepted = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return accepted;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.strip();
                int bar = text.lastIndexOf(" | ");
                if (!text.isEmpty() && !text.startsWith("#") && bar > 0) {
                    accepted.put(text.substring(0, bar).strip(), text.substring(bar + 3).strip());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return accepted;
    }
}
