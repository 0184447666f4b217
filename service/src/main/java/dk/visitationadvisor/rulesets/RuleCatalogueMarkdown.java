package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.rulesets.RuleCatalogue.Catalogue;
import dk.visitationadvisor.rulesets.RuleCatalogue.Entry;
import dk.visitationadvisor.ruleengine.ParameterReference;
import dk.visitationadvisor.ruleengine.SourcePassage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule catalogue as a page for domain experts: every rule by file, with its texts, sources and
 * parameters. docs/rule-catalogue.md is this page for the repository's rules, checked in CI.
 */
public final class RuleCatalogueMarkdown {

    private RuleCatalogueMarkdown() {
    }

    public static String render(Catalogue catalogue) {
        StringBuilder page = new StringBuilder();
        page.append("# Rule catalogue\n\n")
                .append("<!-- Generated from GET /api/v1/rules (Accept: text/markdown); do not edit. Regenerate with\n")
                .append("     mvn -pl service test -Dtest=RuleCatalogueDocsTest -Dadvisor.docs.write=true -->\n\n")
                .append("Every rule of rule set `").append(catalogue.rulesetVersion()).append("`: ")
                .append(catalogue.rules().size()).append(" rules, by file. Each has its code, its kind, the step it ")
                .append("runs in, its explanation in Danish and English, the source passages it rests on and the ")
                .append("parameters it reads, with their values by the date each takes effect. ")
                .append("How to read and change rules: [rule-authoring.md](rule-authoring.md).\n");
        Map<String, List<Entry>> byFile = catalogue.rules().stream()
                .collect(Collectors.groupingBy(Entry::file, LinkedHashMap::new, Collectors.toList()));
        page.append("\n## Files\n\n");
        byFile.forEach((file, rules) -> page.append("- [").append(file).append("](#").append(anchor(file))
                .append(") (").append(rules.size()).append(")\n"));
        byFile.forEach((file, rules) -> {
            page.append("\n## ").append(file).append("\n");
            rules.forEach(rule -> rule(rule, page));
        });
        return page.toString();
    }

    private static void rule(Entry rule, StringBuilder page) {
        page.append("\n### ").append(rule.name()).append("\n\n")
                .append("`").append(rule.code()).append("` · ").append(rule.kind())
                .append(rule.programme() == null ? "" : " · " + rule.programme())
                .append(" · step `").append(rule.step()).append("` · line ").append(rule.line())
                .append(rule.localPolicy() ? " · **local policy**" : "")
                .append(rule.severity() == null ? "" : " · severity **" + rule.severity() + "**")
                .append("\n\n")
                .append("- da: ").append(rule.textDa()).append("\n")
                .append("- en: ").append(rule.textEn()).append("\n");
        if (rule.actionEn() != null) {
            page.append("- action (da): ").append(rule.actionDa()).append("\n")
                    .append("- action (en): ").append(rule.actionEn()).append("\n");
        }
        for (SourcePassage source : rule.sources()) {
            page.append("- source: ").append(source.citation()).append(": »").append(source.quote().strip().replaceAll("\\s+", " "))
                    .append("«\n");
        }
        rule.parameters().forEach((name, values) -> page.append("- parameter `").append(name).append("` (")
                .append(rule.parameterFiles().get(name)).append("): ")
                .append(values(values, rule.parameterReferences().getOrDefault(name, Map.of()))).append("\n"));
    }

    /**
     * E.g. "2 from 2020-01-01 (source `is-target-group-risk`: »…«)"; "not set" for a required value not
     * given yet. A value without a source is local policy, and says what it rests on.
     */
    private static String values(Map<LocalDate, Object> values, Map<LocalDate, ParameterReference> references) {
        if (values.isEmpty()) {
            return "not set";
        }
        return values.entrySet().stream().map(e -> e.getValue() + " from " + e.getKey()
                        + reference(references.get(e.getKey())))
                .collect(Collectors.joining(", "));
    }

    private static String reference(ParameterReference reference) {
        if (reference == null) {
            return "";
        }
        String locator = reference.locator() == null ? "" : reference.locator();
        return reference.source() == null ? " (local policy: " + locator + ")"
                : " (source `" + reference.source() + "`" + (locator.isEmpty() ? "" : ": " + locator) + ")";
    }

    /** GitHub's anchor for a heading: lower case, without dots and slashes. */
    private static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
