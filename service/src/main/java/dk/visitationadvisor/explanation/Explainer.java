package dk.visitationadvisor.explanation;

import dk.visitationadvisor.facts.FactRef;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.SourcePassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes a rule's statement as a {@link Reason}: the rule's text in the caseworker's language with
 * the parameter values filled in, its sources, and the facts the rule named.
 */
@Component
public class Explainer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    public Reason explain(RuleSet ruleSet, Parameters parameters, String ruleName, Outcome outcome,
            List<FactRef> facts, List<String> missing, Locale locale) {
        RuleDescription rule = ruleSet.rule(ruleName)
                .orElseThrow(() -> new IllegalStateException("No description of rule " + ruleName));
        List<SourcePassage> sources = rule.sources().stream()
                .map(id -> ruleSet.sources().find(id).orElseThrow())
                .toList();
        Map<String, Object> used = new LinkedHashMap<>();
        rule.parameters().forEach(name -> used.put(name, parameters.get(name)));
        boolean localPolicy = rule.localPolicy() || facts.stream().anyMatch(FactRef::localPolicy);
        return new Reason(rule.code(), rule.name(), rule.kind(), outcome, text(rule, localPolicy, parameters, locale),
                String.join("; ", sources.stream().map(SourcePassage::citation).toList()),
                sources.stream().map(SourcePassage::quote).toList(),
                facts.stream().map(FactRef::toString).toList(), used, missing, localPolicy);
    }

    /** The rule's text with {parameter} placeholders filled in, marked when it is local policy. */
    String text(RuleDescription rule, boolean localPolicy, Parameters parameters, Locale locale) {
        Matcher matcher = PLACEHOLDER.matcher(rule.text(locale));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Object value = parameters.get(matcher.group(1));
            String shown = value != null ? value.toString() : "en".equals(locale.getLanguage()) ? "(not set)" : "(ikke fastsat)";
            matcher.appendReplacement(text, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(text);
        if (localPolicy) {
            text.insert(0, "en".equals(locale.getLanguage()) ? "[Local policy] " : "[Lokal praksis] ");
        }
        return text.toString();
    }
}
