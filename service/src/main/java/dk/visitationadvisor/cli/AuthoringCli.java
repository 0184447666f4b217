package dk.visitationadvisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.RuleSetException;
import dk.visitationadvisor.ruleengine.RuleSetProblem;
import dk.visitationadvisor.scenarios.Coverage;
import dk.visitationadvisor.scenarios.Scenario;
import dk.visitationadvisor.scenarios.ScenarioRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line for domain experts: check a rules directory, run the scenarios against it, and
 * see what they leave untested, without starting the service; preview, activate or roll back on the
 * running service. See docs/authoring-cli.md. Its arguments, help and bash completion are picocli's.
 *
 * <p>Exit codes: 0 all fine; 1 scenarios fail, (coverage) something is untested, (impact) some answers
 * would change, or (activate) the service refused the rule set because scenarios fail; 2 the rule set
 * does not build, the service cannot be reached or refused the request, or the command is wrong.
 */
@Command(name = "rules", synopsisSubcommandLabel = "COMMAND",
        description = "Checks a rules folder and its scenarios; previews, activates or rolls back rule sets on the "
                + "running service.",
        footerHeading = "%n",
        footer = "Against the service, sign in with --user NAME and the password in the environment variable "
                + "ADVISOR_PASSWORD, or without --user with the bearer token in ADVISOR_TOKEN.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all fine",
            "1:a scenario fails; (coverage) something is untested; (impact) some answers would change; "
                    + "(activate, rollback) refused because scenarios fail",
            "2:the rule set does not build, the service cannot be reached or refused the request, or the "
                    + "command is wrong"})
public final class AuthoringCli implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    /** In the scenario folder: rules and codes that no scenario can reach, one per line: name | reason. */
    static final String COVERAGE_EXCEPTIONS = "coverage-exceptions.txt";
    /** How many changed assessments the impact command lists; all are counted. */
    private static final String LISTED = "20";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;

    private final PrintStream out;
    /** Where the password or token for the service is (never on the command line). */
    private final Map<String, String> environment;

    private AuthoringCli(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    public static void main(String[] args) {
        // The engine's own logging is for developers; the author reads this command's output.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.drools")).setLevel(Level.OFF);
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out) {
        return run(args, out, Map.of());
    }

    /** Everything, mistakes and help included, to {@code out}. */
    static int run(String[] args, PrintStream out, Map<String, String> environment) {
        return run(args, out, out, environment);
    }

    /** @param err where a wrong command is said so, with its usage */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new AuthoringCli(out, environment));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(AuthoringCli::wrongUse);
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return exit;
    }

    /**
     * What the arguments' types cannot say (a blank reason, a user without a password): said as a wrong
     * option is, with the command's usage. Anything else is not the author's doing: picocli's way.
     */
    private static int wrongUse(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (!(e instanceof IllegalArgumentException)) {
            throw e;
        }
        command.getErr().println(e.getMessage());
        command.usage(command.getErr());
        return UNUSABLE;
    }

    /** Without a command: the usage, and the command is wrong. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return UNUSABLE;
    }

    @Command(name = "validate", description = "Checks that a rules folder builds; when it does not, each problem "
            + "with its file and line.")
    int validate(@Parameters(paramLabel = "<rules-dir>", description = "laid out as rules/") Path rules) {
        return withRules(rules, () -> {
            RuleSet ruleSet = RuleSetBuilder.build(RuleFiles.fromDirectory(rules));
            out.printf("OK: rule set %s, %d rules, %d parameters, %d source passages%n", ruleSet.version(),
                    ruleSet.rules().size(), ruleSet.parameters().definitions().size(),
                    ruleSet.sources().passages().size());
            ruleSet.warnings().forEach(warning -> out.println("  warning: " + warning));
            return OK;
        });
    }

    @Command(name = "test", description = "Runs the scenarios against a rules folder; each failing one with its "
            + "file, name and differences.")
    int test(@Parameters(index = "0", paramLabel = "<rules-dir>") Path rules,
            @Parameters(index = "1", paramLabel = "<test-cases-dir>") Path testCases,
            @Parameters(index = "2", arity = "0..1", paramLabel = "<folder>",
                    description = "only the scenarios in this folder of <test-cases-dir>") String folder,
            @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                    description = "judge with the parameter values in force on this date") LocalDate asOf) {
        return withRules(rules, () -> test(rules, testCases.resolve(folder == null ? "" : folder), asOf));
    }

    @Command(name = "coverage", description = "Lists the rules no scenario makes fire and the codes in no "
            + "scenario, apart from those accepted in <test-cases-dir>/" + COVERAGE_EXCEPTIONS + ".")
    int coverage(@Parameters(index = "0", paramLabel = "<rules-dir>") Path rules,
            @Parameters(index = "1", paramLabel = "<test-cases-dir>") Path testCases) {
        return withRules(rules, () -> coverageOf(rules, testCases));
    }

    @Command(name = "impact", description = "Previews what the rules folder would change in the stored "
            + "assessments, on the running service (read-only).")
    int impact(@Parameters(paramLabel = "<rules-dir>") Path rules, @Mixin Service service,
            @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first assessment date replayed")
            LocalDate from,
            @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last assessment date replayed")
            LocalDate to,
            @Option(names = "--limit", paramLabel = "N", defaultValue = LISTED,
                    description = "how many changed assessments to list (default: ${DEFAULT-VALUE}); all are counted")
            int limit,
            @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                    description = "with the parameter values in force on this date") LocalDate asOf) {
        return sending(rules, service, (api, files) -> {
            AuthoringService.Answer answer = api.impact(files, from, to, limit, asOf);
            return answer.status() == 200 ? RemoteReports.impact(answer.body(), out) : RemoteReports.problem(answer, out);
        });
    }

    @Command(name = "activate", description = "Makes the rules folder the live rule set on the running service, "
            + "if its scenarios pass there.")
    int activate(@Parameters(paramLabel = "<rules-dir>") Path rules, @Mixin Service service,
            @Option(names = "--reason", required = true, paramLabel = "<text>",
                    description = "why this rule set goes live, for the activation log") String reason) {
        requireReason(reason, "why this rule set goes live");
        return sending(rules, service, (api, files) -> activated(api.activate(files, reason)));
    }

    @Command(name = "rollback", description = "Makes an earlier version live again on the running service (its "
            + "version from GET /api/v1/rule-sets/activations).")
    int rollback(@Parameters(paramLabel = "<version>") String version, @Mixin Service service,
            @Option(names = "--reason", required = true, paramLabel = "<text>",
                    description = "why the earlier version goes live again") String reason) {
        requireReason(reason, "why the earlier version goes live again");
        AuthoringService api = service.api(environment);
        return reaching(service.url, () -> activated(api.rollback(version, reason)));
    }

    @Command(name = "completion", description = "Prints a bash completion script for this command: "
            + "source <(scripts/rules completion)")
    int completion() {
        out.print(AutoComplete.bash(spec.name(), spec.commandLine()));
        return OK;
    }

    /** The service options of the commands that call it. */
    static final class Service {

        @Option(names = "--service", required = true, paramLabel = "<url>",
                description = "the running service, e.g. http://localhost:8080")
        String url;

        @Option(names = "--user", paramLabel = "NAME",
                description = "sign in as NAME, with the password in ADVISOR_PASSWORD; without it, with the "
                        + "bearer token in ADVISOR_TOKEN")
        String user;

        /** HTTP Basic for --user with ADVISOR_PASSWORD, else the bearer token in ADVISOR_TOKEN, else none. */
        AuthoringService api(Map<String, String> environment) {
            String authorization;
            if (user != null) {
                String password = environment.get("ADVISOR_PASSWORD");
                if (password == null) {
                    throw new IllegalArgumentException(
                            "--user needs the password in the environment variable ADVISOR_PASSWORD");
                }
                authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                String token = environment.get("ADVISOR_TOKEN");
                authorization = token == null ? null : "Bearer " + token;
            }
            return new AuthoringService(url, authorization);
        }
    }

    private static void requireReason(String reason, String why) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason <text> must say " + why);
        }
    }

    /** A rules folder sent to the running service: checked here first, and not sent when it does not build. */
    private int sending(Path rules, Service service, Sending send) {
        return withRules(rules, () -> {
            RuleFiles files = RuleFiles.fromDirectory(rules);
            RuleSetBuilder.build(files);
            AuthoringService api = service.api(environment);
            return reaching(service.url, () -> send.to(api, files));
        });
    }

    /** What a command sends to the service, answered with the command's exit status. */
    private interface Sending {
        int to(AuthoringService api, RuleFiles files) throws IOException, InterruptedException;
    }

    /** Runs a command on a rules folder; a folder that does not build is said so, each problem with its file and line. */
    private int withRules(Path rules, IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (RuleSetException e) {
            out.println("The rule set in " + rules + " cannot be used:");
            for (RuleSetProblem problem : e.problems()) {
                out.println("  " + problem);
            }
            return UNUSABLE;
        }
    }

    private int activated(AuthoringService.Answer answer) {
        return answer.status() == 201 ? RemoteReports.activated(answer.body(), out) : RemoteReports.problem(answer, out);
    }

    /** A call of the running service, answered with the command's exit status. */
    private interface RemoteCall {
        int run() throws IOException, InterruptedException;
    }

    /** Runs the call; a service that cannot be reached is said so, and the command is unusable. */
    private int reaching(String service, RemoteCall call) {
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

    /** The scenarios of a folder, judged with the parameter values in force on {@code asOf} (null: each its own date). */
    private int test(Path rules, Path scenarios, LocalDate asOf) {
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

    private int coverageOf(Path rules, Path scenarios) {
        ScenarioRunner runner = new ScenarioRunner(RuleFiles.fromDirectory(rules));
        List<Path> files = Scenario.filesBelow(scenarios);
        Coverage coverage = Coverage.of(runner.ruleSet(), runner.runAll(scenarios), files);
        Map<String, String> accepted = coverageExceptions(scenarios.resolve(COVERAGE_EXCEPTIONS));
        out.printf("%d of %d rules fire in some scenario; %d of %d codes appear in some scenario%n",
                coverage.rules() - coverage.rulesNeverFired().size(), coverage.rules(),
                coverage.codes() - coverage.codesWithoutScenario().size(), coverage.codes());
        long gaps = 0;
        for (String rule : coverage.rulesNeverFired()) {
            gaps += gap("rule never fired: ", rule, accepted);
        }
        for (String code : coverage.codesWithoutScenario()) {
            gaps += gap("code in no scenario: ", code, accepted);
        }
        return gaps == 0 ? OK : FAILED;
    }

    /** Prints one gap; 1 when it counts, 0 when coverage-exceptions.txt accepts it with a reason. */
    private int gap(String what, String name, Map<String, String> accepted) {
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
