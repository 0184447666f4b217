package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No account, password, key or token is written into the repository: the service bootstraps its
 * first account from configuration or a generated password, and tests make one up per run.
 */
class NoSecretsInRepositoryTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", "data", ".idea");

    /** What the docs write where a secret goes: not a secret. */
    private static final String PLACEHOLDER = "(?!change-me\\b)(?!\\$)(?!<)(?![A-Z_]+\\b)";
    private static final String NAMED_SECRET = "(?i:password|passwd|secret|api[_-]?key|token)";

    /**
     * A literal value given to something named like a secret: in code ({@code password = "..."}), in
     * configuration or a shell ({@code x.password=...}, {@code export X_TOKEN=...}), or on a command
     * line ({@code -Dx.password=...}); and keys, hashes and tokens by their shape.
     */
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile(NAMED_SECRET + "[\"']?\\s*[:=]\\s*\"" + PLACEHOLDER + "[^\"]{8,}\""),
            Pattern.compile("^\\s*(export\\s+)?[\\w.-]*" + NAMED_SECRET + "\\s*[=:]\\s*" + PLACEHOLDER
                    + "[^\\s\"';]{8,}\\s*$"),
            Pattern.compile("-D[\\w.]*" + NAMED_SECRET + "=" + PLACEHOLDER + "[^\\s\"]{8,}"),
            Pattern.compile("-----BEGIN ([A-Z ]+ )?PRIVATE KEY-----"),
            Pattern.compile("\\{bcrypt}\\$2[aby]\\$\\d\\d\\$"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\."));

    @Test
    void noFileOfTheRepositoryHoldsASecret() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path file : files.filter(Files::isRegularFile).filter(NoSecretsInRepositoryTest::isSource).toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern secret : SECRETS) {
                        if (secret.matcher(lines.get(i)).find()) {
                            found.add(REPOSITORY.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("lines that look like secrets").isEmpty();
    }

    private static boolean isSource(Path file) {
        for (Path part : REPOSITORY.relativize(file)) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        // This file spells out what a secret looks like.
        return !name.equals("NoSecretsInRepositoryTest.java") && !name.endsWith(".png") && !name.endsWith(".jar") && !name.endsWith(".pdf");
    }
}
