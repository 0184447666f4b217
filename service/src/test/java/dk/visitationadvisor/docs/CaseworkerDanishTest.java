package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.explanation.Explainer;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Caseworkers read Danish: no English words, codes, enum names or file names in the texts they see.
 * The words are listed in docs/glossary.md ("Ord, der ikke må stå i en tekst til sagsbehandlere"),
 * which this test reads, so the list and the check cannot drift apart. Checked: every rule's Danish
 * text and action as written and as the caseworker sees it (parameter values filled in), and the
 * Danish page and error texts (not the messages about rule files, which answer rule authors).
 */
class CaseworkerDanishTest {

    private static final Path GLOSSARY = Path.of(System.getProperty("advisor.docs.directory", "../docs"))
            .resolve("glossary.md");
    private static final Pattern LISTED = Pattern.compile("(?m)^- `([^`]+)`");
    private static final Pattern CODE = Pattern.compile(
            "\\b(?:FA|IS|ESC|PREF|VISITS|FOLLOWUP|PHASE|STATUS|CONSTRAINT|TEAM|COST|LAW)-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b");
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    private static final Pattern FILE_NAME = Pattern.compile("\\w\\.(?:yaml|yml|drl|java|properties)\\b");
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private static final RuleSet RULES = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));

    @Test
    void theGlossaryListsTheWordsTheIssueNamed() {
        assertThat(forbidden()).contains("(ELIGIBLE)", "[LOCAL]", "trigger", "Genscreen", "parameters.yaml", "program");
    }

    @Test
    void noRuleSaysAForbiddenWordToACaseworker() {
        Explainer explainer = new Explainer();
        Parameters today = RULES.parameters().inForceOn(LocalDate.now());
        Map<String, String> texts = new LinkedHashMap<>();
        for (RuleDescription rule : RULES.rules().values()) {
            texts.put(rule.file() + " \"" + rule.name() + "\" @text_da", rule.textDa());
            texts.put(rule.file() + " \"" + rule.name() + "\" as shown",
                    explainer.explain(RULES, today, rule.name(), null, List.of(), List.of(), DANISH).text());
            if (rule.actionDa() != null) {
                texts.put(rule.file() + " \"" + rule.name() + "\" @action_da", rule.actionDa());
            }
        }
        assertThat(problems(texts)).as("Danish rule texts with words a caseworker must not read (docs/glossary.md)")
                .isEmpty();
        assertThat(texts).hasSizeGreaterThan(300);
    }

    @Test
    void noPageOrErrorTextSaysAForbiddenWord() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : List.of("caseworker_da.properties", "messages_da.properties")) {
            // Messages about rule files answer rule authors, not caseworkers.
            properties(file).forEach((key, value) -> {
                if (!key.toString().startsWith("dk.visitationadvisor.ruleSet.")) {
                    texts.put(file + " " + key, value.toString());
                }
            });
        }
        assertThat(problems(texts)).as("Danish page texts with words a caseworker must not read (docs/glossary.md)")
                .isEmpty();
        assertThat(texts).hasSizeGreaterThan(100);
    }

    @Test
    void theCheckCatchesWhatTheGlossaryForbids() {
        assertThat(problems(Map.of(
                "a", "Kun ét af programmerne er relevant (ELIGIBLE).",
                "b", "En trigger er aktiv [LOCAL].",
                "c", "Genscreen om nogle uger; se parameters.yaml.",
                "d", "Status NOT_ELIGIBLE efter FA-IN-AGE.",
                "e", "Indsatsen opfylder kriterierne; det er lokal praksis.")))
                .hasSize(4)
                .noneMatch(problem -> problem.startsWith("e:"));
    }

    private static List<String> problems(Map<String, String> texts) {
        List<Pattern> words = forbidden().stream().map(CaseworkerDanishTest::pattern).toList();
        List<String> problems = new ArrayList<>();
        texts.forEach((where, text) -> {
            List<String> found = new ArrayList<>();
            for (Pattern word : words) {
                Matcher matcher = word.matcher(text);
                if (matcher.find()) {
                    found.add(matcher.group());
                }
            }
            for (Pattern pattern : List.of(CODE, ENUM_NAME, FILE_NAME)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    found.add(matcher.group());
                }
            }
            if (!found.isEmpty()) {
                problems.add(where + ": " + found + " in »" + text + "«");
            }
        });
        return problems;
    }

    /** A listed word, caught also as the start of a longer word, never inside one. */
    private static Pattern pattern(String word) {
        String start = Character.isLetter(word.charAt(0)) ? "(?<![\\p{L}])" : "";
        return Pattern.compile(start + Pattern.quote(word), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> forbidden() {
        try {
            String glossary = Files.readString(GLOSSARY);
            String section = glossary.substring(glossary.indexOf("## Ord, der ikke må stå i en tekst til sagsbehandlere"));
            List<String> words = new ArrayList<>();
            Matcher listed = LISTED.matcher(section);
            while (listed.find()) {
                words.add(listed.group(1));
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String file) {
        Properties properties = new Properties();
        try (InputStream in = CaseworkerDanishTest.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
