package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.ruleengine.ParameterDefinition;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables in docs/programmes/*.md are generated from the rules' metadata, so the docs cannot drift
 * from the rules: this test fails when a table differs from what the rules say. To regenerate after
 * a rule change: {@code mvn -pl service test -Dtest=ProgrammeDocsTest -Dadvisor.docs.write=true}.
 */
class ProgrammeDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("advisor.docs.directory", "../docs"));
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- BEGIN GENERATED: (\\w[\\w-]*) -->\\n)(.*?)(<!-- END GENERATED -->)", Pattern.DOTALL);
    private static final RuleSet RULES = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));

    @ParameterizedTest
    @CsvSource({"INTENSIVE_INFANT, programmes/intensive-infant.md", "FAMILY_PLACEMENT, programmes/family-placement.md"})
    void theProgrammePageShowsWhatTheRulesSay(Programme programme, String page) throws IOException {
        Path file = DOCS.resolve(page);
        String current = Files.readString(file);
        Matcher blocks = BLOCK.matcher(current);
        StringBuilder regenerated = new StringBuilder();
        while (blocks.find()) {
            String table = table(programme, blocks.group(2));
            blocks.appendReplacement(regenerated,
                    Matcher.quoteReplacement(blocks.group(1) + table + blocks.group(4)));
        }
        blocks.appendTail(regenerated);
        if (Boolean.getBoolean("advisor.docs.write")) {
            Files.writeString(file, regenerated.toString());
            return;
        }
        assertThat(current)
                .as("%s is out of date with the rules; regenerate it with "
                        + "mvn -pl service test -Dtest=ProgrammeDocsTest -Dadvisor.docs.write=true", page)
                .isEqualTo(regenerated.toString());
    }

    /** One generated table: the rules of a kind for the programme (or for both programmes). */
    private static String table(Programme programme, String block) {
        return switch (block) {
            case "criteria" -> rows(programme, List.of(RuleKind.INCLUSION, RuleKind.EXCLUSION, RuleKind.ASSESSMENT,
                    RuleKind.SUGGESTION), "| Code | Kind | Rule | Explanation | Parameters | Source |",
                    r -> cells(r.code(), r.kind().name(), r.name(), text(r), parameters(r), sources(r)));
            case "phases" -> rows(programme, List.of(RuleKind.PHASE),
                    "| Code | Rule | Explanation | Parameters | Source |",
                    r -> cells(r.code(), r.name(), text(r), parameters(r), sources(r)));
            case "visits" -> rows(programme, List.of(RuleKind.VISITS, RuleKind.ADJUSTMENT, RuleKind.CONSTRAINT),
                    "| Code | Kind | Rule | Explanation | Parameters | Source |",
                    r -> cells(r.code(), r.kind().name(), r.name(), text(r), parameters(r), sources(r)));
            case "follow-ups" -> rows(programme, List.of(RuleKind.FOLLOW_UP),
                    "| Code | Rule | Explanation | Parameters | Source |",
                    r -> cells(r.code(), r.name(), text(r), parameters(r), sources(r)));
            case "recommendation" -> rows(programme, List.of(RuleKind.PREFERENCE),
                    "| Code | Rule | Explanation | Parameters | Source |",
                    r -> cells(r.code(), r.name(), text(r), parameters(r), sources(r)));
            case "resources" -> rows(programme, List.of(RuleKind.RESOURCES),
                    "| Code | Rule | Explanation | Source |",
                    r -> cells(r.code(), r.name(), text(r), sources(r)));
            case "law" -> rows(programme, List.of(RuleKind.LAW),
                    "| Code | Rule | The source cites | Today | Explanation | Source |",
                    r -> cells(r.code(), r.name(), law(r, "cited"), law(r, "today"), text(r), sources(r)));
            case "triggers" -> rows(programme, List.of(RuleKind.ESCALATION),
                    "| Code | Severity | Rule | Explanation | Action | Parameters | Source |",
                    r -> cells(r.code(), r.severity() == null ? "abstains" : r.severity().name(), r.name(), text(r),
                            r.actionEn() == null ? "" : r.actionEn(), parameters(r), sources(r)));
            default -> throw new IllegalArgumentException("Unknown generated block: " + block);
        };
    }

    private static String rows(Programme programme, List<RuleKind> kinds, String header,
            java.util.function.Function<RuleDescription, String> row) {
        String separator = header.replaceAll("[^|]+", "---");
        String body = RULES.rules().values().stream()
                .filter(r -> kinds.contains(r.kind()))
                .filter(r -> r.programme() == null || r.programme() == programme)
                .sorted(Comparator.comparing((RuleDescription r) -> kinds.indexOf(r.kind()))
                        .thenComparing(RuleDescription::code).thenComparing(RuleDescription::name))
                .map(row)
                .collect(Collectors.joining("\n"));
        return header + "\n" + separator + "\n" + body + "\n";
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", List.of(cells).stream().map(c -> c.replace("|", "\\|")).toList()) + " |";
    }

    /** A law rule's @cited or @today, as written in its file. */
    private static String law(RuleDescription rule, String key) {
        Matcher value = Pattern.compile("@" + key + "\\(\"([^\"]*)\"\\)").matcher(rule.definition());
        return value.find() ? value.group(1) : "";
    }

    private static String text(RuleDescription rule) {
        return (rule.localPolicy() ? "[Local policy] " : "") + rule.text(Locale.ENGLISH);
    }

    /** Each parameter the rule reads, with its values by the date they take effect. */
    private static String parameters(RuleDescription rule) {
        return rule.parameters().stream()
                .map(name -> "`" + name + "` = " + values(RULES.parameters().definitions().get(name)))
                .collect(Collectors.joining("<br>"));
    }

    private static String values(ParameterDefinition parameter) {
        if (parameter.values().isEmpty()) {
            return "**not set**";
        }
        return parameter.values().entrySet().stream()
                .map(value -> value.getValue() + " from " + value.getKey())
                .collect(Collectors.joining(", ")) + (parameter.local() ? " [LOCAL]" : "");
    }

    private static String sources(RuleDescription rule) {
        return rule.sources().stream()
                .map(id -> RULES.sources().find(id).orElseThrow())
                .map(passage -> passage.document().replaceFirst("^[^:]*: ", "") + ", " + passage.section())
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
