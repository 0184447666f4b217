package dk.visitationadvisor.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.SourcePassage;
import dk.visitationadvisor.support.RuleDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every passage the rules quote stands verbatim in the source document it names, in
 * {@code ../shared/sources/}: each {@code quote} of sources.yaml, and each »…« quoted in a rule's texts
 * and in the locator of a parameter value's reference. The documents are plain text taken from typeset pages, so before
 * comparing, runs of whitespace count as one space and a word hyphenated across a line break counts
 * as one word; a quote that leaves words out with "[…]" must have its parts in the document in that
 * order. A quote keeps the source's spelling, typos included; "[sic]" after one is ignored.
 */
class SourceQuotesTest {

    private static final Path SOURCES = Path.of(System.getProperty("advisor.sources.directory", "../../shared/sources"));
    /** Which file holds each document, by words of its title as sources.yaml names it. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "Indsats for familieanbringelse", "familieanbringelse-indsatsmodel.txt",
            "Den intensive spædeindsats", "intensive-spaedeindsats-holstebro.txt");
    private static final Pattern ELISION = Pattern.compile("\\[(?:…|\\.\\.\\.)]");
    private static final Pattern QUOTED = Pattern.compile("»([^«]+)«");
    /** A hyphen ending a line: the word goes on on the next line, or a compound is broken there. */
    private static final Pattern LINE_END_HYPHEN = Pattern.compile("-[ \\t]*\\r?\\n\\s*");
    private static final char BREAK = '\u00AD';

    private static final RuleSet RULES = RuleSetBuilder.build(RuleFiles.fromDirectory(RuleDirectories.RULES));

    @Test
    void everyQuoteOfSourcesYamlStandsVerbatimInItsDocument() {
        List<String> problems = new ArrayList<>();
        for (SourcePassage passage : RULES.sources().passages().values()) {
            if (passage.quote().isBlank()) { // a reference to literature: no quote, and no programme document
                if (DOCUMENTS.keySet().stream().anyMatch(passage.document()::contains)) {
                    problems.add(passage.id() + ": a passage of " + passage.document() + " without a quote");
                }
                continue;
            }
            check(passage.id(), passage.document(), passage.quote(), problems);
        }
        assertThat(problems).as("quotes in rules/sources.yaml not found verbatim in ../shared/sources").isEmpty();
        assertThat(RULES.sources().passages()).as("passages checked").hasSizeGreaterThan(40);
    }

    @Test
    void everyQuoteInARulesTextStandsVerbatimInADocumentTheRuleCites() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (RuleDescription rule : RULES.rules().values()) {
            List<String> documents = rule.sources().stream()
                    .map(id -> RULES.sources().find(id).orElseThrow().document()).distinct().toList();
            for (String text : texts(rule)) {
                Matcher quoted = QUOTED.matcher(text);
                while (quoted.find()) {
                    checked++;
                    String quote = quoted.group(1);
                    if (documents.stream().noneMatch(document -> missingPart(document, quote).isEmpty())) {
                        problems.add("rule \"" + rule.name() + "\": »" + quote + "« is in none of " + documents);
                    }
                }
            }
        }
        assertThat(problems).as("quotes in rule texts not found verbatim in the documents the rule cites").isEmpty();
        assertThat(checked).as("quotes checked in rule texts").isPositive();
    }

    @Test
    void everyQuoteInAParameterValuesLocatorStandsVerbatimInTheDocumentItsSourceNames() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var parameter : RULES.parameters().definitions().values()) {
            for (var dated : parameter.references().entrySet()) {
                String locator = dated.getValue().locator() == null ? "" : dated.getValue().locator();
                Optional<String> document = Optional.ofNullable(dated.getValue().source())
                        .flatMap(RULES.sources()::find).map(SourcePassage::document)
                        .filter(d -> DOCUMENTS.keySet().stream().anyMatch(d::contains));
                Matcher quoted = QUOTED.matcher(locator);
                while (quoted.find()) {
                    checked++;
                    String id = parameter.name() + " (" + dated.getKey() + ")";
                    if (document.isEmpty()) {
                        problems.add(id + ": quotes »" + quoted.group(1) + "« but cites no passage of a source document");
                    } else {
                        check(id, document.get(), quoted.group(1), problems);
                    }
                }
            }
        }
        assertThat(problems).as("quotes in parameter values' locators not found verbatim in ../shared/sources").isEmpty();
        assertThat(checked).as("quotes checked in parameter values' locators").isGreaterThan(20);
    }

    @Test
    void aQuoteWithAWordChangedIsNotFound() {
        String document = "Den intensive spædeindsats";
        assertThat(missingPart(document, "hjemmebesøg tre gange dagligt de første 2-3 uger")).isEmpty();
        assertThat(missingPart(document, "hjemmebesøg to gange dagligt de første 2-3 uger")).isPresent();
        assertThat(missingPart(document, "Efter udarbejdelsen af en handleplan […] (ca. 14 dage)"))
                .as("parts around an elision, in order").isEmpty();
        assertThat(missingPart(document, "(ca. 14 dage) […] Efter udarbejdelsen af en handleplan"))
                .as("parts around an elision, out of order").isPresent();
        assertThat(missingPart(document, "Den intensive spædeindsats er udviklet som et alternativ til døgnophold"))
                .as("a word hyphenated across a line break (spædeind-/sats)").isEmpty();
        assertThat(missingPart(document, "et dagtilbud fra fx fra [sic] 4 måneders-alderen"))
                .as("the source's own spelling, marked [sic]").isEmpty();
    }

    private static List<String> texts(RuleDescription rule) {
        List<String> texts = new ArrayList<>(List.of(rule.textDa(), rule.textEn()));
        if (rule.actionDa() != null) {
            texts.add(rule.actionDa());
            texts.add(rule.actionEn());
        }
        return texts;
    }

    private static void check(String id, String document, String quote, List<String> problems) {
        missingPart(document, quote).ifPresent(part -> problems.add(id + ": not found" + (part.equals(quote) ? ""
                : " (from this part on)") + ": »" + part + "«"));
    }

    /**
     * The first part of the quote not found in the document after the parts before it; empty when all
     * are. A hyphen at a line's end joins the word it splits (the usual case), or stays a hyphen where
     * the quote keeps one (a compound broken at the line's end): the quote is found when it is found
     * with either reading throughout.
     */
    static Optional<String> missingPart(String document, String quote) {
        String file = DOCUMENTS.entrySet().stream().filter(d -> document.contains(d.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No file for the document " + document));
        String source = normalised(file);
        List<String> parts = ELISION.splitAsStream(quote.replace("[sic]", ""))
                .map(part -> part.strip().replaceAll("\\s+", " "))
                .filter(part -> !part.isEmpty())
                .toList();
        Optional<String> firstMissing = Optional.empty();
        for (String hyphen : List.of("", "-", "- ")) {
            Optional<String> missing = missingPart(source.replace(String.valueOf(BREAK), hyphen), parts);
            if (missing.isEmpty()) {
                return missing;
            }
            firstMissing = firstMissing.or(() -> missing);
        }
        return firstMissing;
    }

    private static Optional<String> missingPart(String source, List<String> parts) {
        int from = 0;
        for (String part : parts) {
            int at = source.indexOf(part, from);
            if (at < 0) {
                return Optional.of(part);
            }
            from = at + part.length();
        }
        return Optional.empty();
    }

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private static String normalised(String file) {
        return TEXTS.computeIfAbsent(file, f -> {
            try {
                String text = Files.readString(SOURCES.resolve(f));
                return LINE_END_HYPHEN.matcher(text).replaceAll(String.valueOf(BREAK)).replaceAll("\\s+", " ");
            } catch (IOException e) {
                throw new UncheckedIOException("The source documents are expected in " + SOURCES.toAbsolutePath()
                        + " (set -Dadvisor.sources.directory)", e);
            }
        });
    }
}
