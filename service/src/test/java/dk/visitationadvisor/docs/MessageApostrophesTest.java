package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A message with arguments is read as a MessageFormat pattern, where a lone apostrophe starts a quote and
 * is not shown: "only the authority's own judgement" reached caseworkers as "the authoritys". In such a
 * message every apostrophe is written twice.
 */
class MessageApostrophesTest {

    private static final Path MESSAGES = Path.of("src/main/resources");

    @Test
    void everyApostropheInAMessageWithArgumentsIsWrittenTwice() throws IOException {
        List<String> lone;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            lone = files.filter(file -> file.toString().endsWith(".properties"))
                    .flatMap(file -> lines(file).filter(line -> line.matches(".*\\{\\d.*"))
                            .filter(line -> line.replace("''", "").contains("'"))
                            .map(line -> file.getFileName() + ": " + line))
                    .toList();
        }
        assertThat(lone).isEmpty();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
