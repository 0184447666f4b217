package dk.visitationadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.support.RuleDirectories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays docs/walkthrough.md end to end through the authoring CLI: every block marked
 * {@code <!-- replay: … -->} is applied, in order, to a copy of rules/ and test-cases/, and every
 * {@code run} line is run on the copy and must succeed. Then the new scenarios are shown to fail on
 * the unchanged rules and to pass on the changed ones, so each change is what makes them pass.
 */
class DomainExpertWalkthroughTest {

    static final Path DOC = Path.of(System.getProperty("advisor.docs.directory", "../docs")).resolve("walkthrough.md");

    private static final Pattern REPLAY = Pattern.compile("<!-- replay: (\\w+)\\s*(.*?)\\s*-->");

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        output.reset();
        return AuthoringCli.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWalkthroughReplaysOnACopyAndEachChangeTakesEffect() throws IOException {
        Path rules = RuleDirectories.copyInto(work.resolve("rules"));
        Path scenarios = copy(RuleDirectories.SCENARIOS, work.resolve("test-cases"));
        Path newScenarios = Files.createDirectories(work.resolve("new-scenarios"));
        copy(scenarios.resolve("fixtures"), newScenarios.resolve("fixtures")); // the family fixtures they extend

        List<String> lines = Files.readAllLines(DOC);
        String findFile = null;
        String findText = null;
        int runs = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher replay = REPLAY.matcher(lines.get(i));
            if (!replay.find()) {
                continue;
            }
            String action = replay.group(1);
            String argument = replay.group(2);
            switch (action) {
                case "find" -> {
                    findFile = argument;
                    findText = block(lines, i);
                }
                case "replace" -> {
                    assertThat(findFile).as("a replace block follows a find block (line %d)", i + 1).isNotNull();
                    Path file = resolve(work, findFile);
                    String content = Files.readString(file);
                    assertThat(content).as("%s contains the text the walk-through finds", findFile).contains(findText);
                    Files.writeString(file, content.replace(findText, block(lines, i)));
                    findFile = null;
                }
                case "create" -> {
                    Path file = resolve(work, argument);
                    assertThat(file).as("the walk-through creates a new file").doesNotExist();
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, block(lines, i));
                    if (argument.startsWith("test-cases/")) {
                        Path copy = newScenarios.resolve(argument.substring("test-cases/".length()));
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                    }
                }
                case "run" -> {
                    String[] args = argument.split(" ");
                    for (int a = 0; a < args.length; a++) {
                        if (args[a].equals("rules") || args[a].equals("test-cases")) {
                            args[a] = work.resolve(args[a]).toString();
                        }
                    }
                    assertThat(run(args)).as("%s%n%s", argument, output()).isEqualTo(AuthoringCli.OK);
                    if (args[0].equals("test")) {
                        assertThat(output()).containsPattern("[1-9]\\d* passed, 0 failed");
                    }
                    runs++;
                }
                default -> throw new AssertionError("unknown replay action in walkthrough.md: " + action);
            }
        }
        assertThat(runs).as("run steps in the walk-through").isEqualTo(6);
        assertThat(findFile).as("every find block has its replace block").isNull();

        // The new scenarios pass on the changed rules …
        assertThat(run("test", rules.toString(), newScenarios.toString())).as(output()).isEqualTo(AuthoringCli.OK);
        assertThat(output()).contains("7 passed, 0 failed");

        // … and the ones where a change takes effect fail on the unchanged rules: the change makes them pass.
        assertThat(run("test", RuleDirectories.RULES.toString(), newScenarios.toString())).isEqualTo(AuthoringCli.FAILED);
        assertThat(output())
                .contains("is-in-risk-domestic-violence-counts-met.yaml")
                .contains("IS-IN-RISK: expected MET, was NOT_MET")
                .contains("esc-missed-contacts-2-from-2027.yaml")
                .contains("esc-housing-lost-no-home.yaml")
                .contains("esc-housing-lost-unknown.yaml")
                .doesNotContain("FAIL " + newScenarios.resolve("intensive-infant/inclusion/is-in-risk-economic-problems-do-not-count-not-met.yaml"))
                .doesNotContain("esc-missed-contacts-1-from-2027.yaml")
                .doesNotContain("esc-housing-lost-stable-home.yaml")
                .contains("3 passed, 4 failed");

        // Every scenario still passes on the changed copy, the new trigger is covered, and, as the page
        // says, the old 2-contacts scenario fails when judged with the values of 2027.
        assertThat(run("test", rules.toString(), scenarios.toString())).as(output()).isEqualTo(AuthoringCli.OK);
        run("coverage", rules.toString(), scenarios.toString());
        assertThat(output()).doesNotContain("never fired: ESC-HOUSING-LOST").doesNotContain("no scenario: ESC-HOUSING-LOST");
        assertThat(run("test", rules.toString(), scenarios.toString(), "escalation/collaboration", "--as-of", "2027-01-01"))
                .isEqualTo(AuthoringCli.FAILED);
        assertThat(output()).contains("esc-missed-contacts-2.yaml").contains("1 failed");
    }

    /** The fenced block that follows line {@code at}, without its fences, ending in a newline. */
    private static String block(List<String> lines, int at) {
        int start = at + 1;
        while (!lines.get(start).startsWith("```")) {
            start++;
        }
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; !lines.get(i).startsWith("```"); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString();
    }

    private static Path resolve(Path work, String relative) {
        Path file = work.resolve(relative).normalize();
        assertThat(file.startsWith(work)).as("%s stays inside the copy", relative).isTrue();
        return file;
    }

    private static Path copy(Path from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(from)) {
            sources = new ArrayList<>(files.toList());
        }
        for (Path source : sources) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
        return to;
    }
}
