package dk.visitationadvisor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's rules and scenario directories, and copies of the rules that a test may edit. */
public final class RuleDirectories {

    public static final Path RULES = Path.of(System.getProperty("advisor.rules.directory", "../rules"));
    public static final Path SCENARIOS = Path.of(System.getProperty("advisor.scenarios.directory", "../test-cases"));

    private RuleDirectories() {
    }

    /** Copies the repository's rules into {@code target}, to be edited by a test. */
    public static Path copyInto(Path target) {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of the first line of a file that contains the text. */
    public static int lineOf(Path rules, String file, String text) {
        try {
            java.util.List<String> lines = Files.readAllLines(rules.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(file + " does not contain: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in one file of a rules copy, failing when the text is not there. */
    public static void replace(Path rules, String file, String text, String replacement) {
        try {
            Path path = rules.resolve(file);
            String content = Files.readString(path);
            if (!content.contains(text)) {
                throw new IllegalArgumentException(file + " does not contain: " + text);
            }
            Files.writeString(path, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
