package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.facts.Child;
import dk.visitationadvisor.facts.Concern;
import dk.visitationadvisor.facts.Course;
import dk.visitationadvisor.facts.Household;
import dk.visitationadvisor.facts.Measurements;
import dk.visitationadvisor.facts.Parent;
import dk.visitationadvisor.facts.Pregnancy;
import dk.visitationadvisor.facts.Referral;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs' field references name every field the code has: the API guide every field of the request
 * (by its path, {@code parents[i].role}), the author guide every field of the facts taken from it. A
 * field added to the request or a fact fails here until its line is written.
 */
class FieldReferenceDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("advisor.docs.directory", "../docs"));

    @Test
    void theApiGuideDescribesEveryFieldOfTheRequest() throws IOException {
        String guide = Files.readString(DOCS.resolve("api-guide.md"));
        assertThat(paths(AssessmentRequest.class, "")).allSatisfy(path ->
                assertThat(guide).as("a row for " + path).contains("| `" + path + "` |"));
    }

    @Test
    void theAuthorGuideListsEveryFieldOfTheInputFacts() throws IOException {
        List<String> rows = Files.readString(DOCS.resolve("rule-authoring.md")).lines().toList();
        Stream.of(Pregnancy.class, Child.class, Parent.class, Concern.class, Household.class, Course.class,
                Referral.class, Measurements.class).forEach(fact -> {
                    String row = rows.stream().filter(line -> line.startsWith("| `" + fact.getSimpleName() + "` |"))
                            .findFirst().orElse("");
                    Stream.of(fact.getRecordComponents()).forEach(field -> assertThat(row)
                            .as(fact.getSimpleName() + "." + field.getName()).contains("`" + field.getName() + "`"));
                });
    }

    /** The paths of the request's fields and parts, a list's elements written {@code [i]}. */
    private static List<String> paths(Class<?> record, String prefix) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent field : record.getRecordComponents()) {
            String path = prefix + field.getName();
            paths.add(path);
            Class<?> type = field.getType() == List.class
                    ? (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0]
                    : field.getType();
            if (type.isRecord()) {
                paths.addAll(paths(type, path + (field.getType() == List.class ? "[i]." : ".")));
            }
        }
        return paths;
    }
}
