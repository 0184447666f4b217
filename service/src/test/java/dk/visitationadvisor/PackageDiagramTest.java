package dk.visitationadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md is made from the code: which package uses which, read from the compiled
 * classes, and what each is for, the first sentence of its package-info. It fails when the file is
 * out of date; {@code -Dadvisor.docs.regenerate=true} writes it anew.
 */
class PackageDiagramTest {

    static final String ROOT = "dk.visitationadvisor";
    static final Path DOC = Path.of(System.getProperty("advisor.docs.directory", "../docs")).resolve("architecture.md");
    static final Path SOURCES = Path.of("src/main/java/dk/visitationadvisor");
    static final String REGENERATE = "advisor.docs.regenerate";
    private static final Pattern FIRST_SENTENCE = Pattern.compile("/\\*\\*(.*?)(?:[.:;](?:\\s|\\*/)|\\*/)", Pattern.DOTALL);

    @Test
    void theDiagramIsThatOfTheCode() throws IOException {
        String expected = document();
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(DOC, expected);
        }
        String outOfDate = "docs/architecture.md is out of date: run mvn -o -q -pl service test "
                + "-Dtest=PackageDiagramTest -D" + REGENERATE + "=true, and commit it";
        assertThat(DOC).as(outOfDate).exists();
        assertThat(Files.readString(DOC)).as(outOfDate).isEqualTo(expected);
    }

    static String document() throws IOException {
        SortedMap<String, SortedSet<String>> uses = packageDependencies();
        StringBuilder doc = new StringBuilder("""
                # The packages of the service

                Generated from the code by `PackageDiagramTest` (do not edit: run
                `mvn -o -q -pl service test -Dtest=PackageDiagramTest -D%s=true`). Each package of
                `%s` is a feature, except `platform`, the plumbing they share, which names none of them.
                An arrow is "uses"; there is no cycle (`ArchitectureTest` fails on one).

                ```mermaid
                graph LR
                """.formatted(REGENERATE, ROOT));
        uses.forEach((from, tos) -> {
            if (tos.isEmpty()) {
                doc.append("    ").append(from).append('\n');
            }
            tos.forEach(to -> doc.append("    ").append(from).append(" --> ").append(to).append('\n'));
        });
        doc.append("```\n\n| Package | What it is for |\n|---|---|\n");
        for (String name : uses.keySet()) {
            doc.append("| `").append(name).append("` | ").append(purpose(name)).append(" |\n");
        }
        return doc.toString();
    }

    /** Each top-level package under the root, with the others its classes use. */
    static SortedMap<String, SortedSet<String>> packageDependencies() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT);
        SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
        classes.forEach(type -> topLevel(type.getPackageName()).ifPresent(from -> {
            SortedSet<String> tos = uses.computeIfAbsent(from, name -> new TreeSet<>());
            type.getDirectDependenciesFromSelf().stream()
                    .map(Dependency::getTargetClass)
                    .map(target -> topLevel(target.getPackageName()))
                    .flatMap(Optional::stream)
                    .filter(to -> !to.equals(from))
                    .forEach(tos::add);
        }));
        return uses;
    }

    private static Optional<String> topLevel(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        return Optional.of(packageName.substring(ROOT.length() + 1).split("\\.")[0]);
    }

    /** The first sentence of the package's javadoc, on one line. */
    private static String purpose(String name) throws IOException {
        String info = Files.readString(SOURCES.resolve(name).resolve("package-info.java"));
        Matcher sentence = FIRST_SENTENCE.matcher(info);
        assertThat(sentence.find()).as("package-info of %s says what the package is for", name).isTrue();
        return Pattern.compile("\\s*\\n\\s*\\*\\s*").matcher(sentence.group(1)).replaceAll(" ").strip()
                .replace("|", "\\|");
    }
}
