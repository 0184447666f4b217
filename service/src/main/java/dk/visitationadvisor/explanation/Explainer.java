package dk.visitationadvisor.explanation;

import dk.visitationadvisor.facts.FactRef;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.ruleengine.ParameterCatalogue;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.SourcePassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a rule's statement as a {@link Reason}: the rule's text in the caseworker's language with
 * the parameter values filled in, its sources, and the facts the rule named.
 */
@Component
public class Explainer {

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
        // Every number shown is cited: the rule's passages, then where each parameter value in force comes
        // from (its own dated reference), unless a passage already says it; a local value without a source
        // is marked "lokal praksis" in the text instead.
        java.util.Set<String> citations = new java.util.LinkedHashSet<>(
                sources.stream().map(SourcePassage::citation).toList());
        rule.parameters().stream().filter(name -> parameters.get(name) != null)
                .forEach(name -> ruleSet.parameters().citation(name, parameters.inForceOn(), ruleSet.sources())
                        .filter(citation -> citations.stream().noneMatch(citation::startsWith))
                        .ifPresent(citations::add));
        return new Reason(rule.code(), rule.name(), rule.kind(), outcome,
                text(rule, localPolicy, parameters, ruleSet.parameters(), locale),
                String.join("; ", citations),
                sources.stream().map(SourcePassage::quote).toList(),
                facts.stream().map(FactRef::toString).toList(), used, missing, localPolicy);
    }

    /**
     * The rule's text with {parameter} placeholders filled in, marked when it is local policy: the whole
     * text when the rule is, else each value of a local-policy parameter ({@code local: true} in
     * parameters.yaml), so that every number the sources do not give is marked where it is shown. Read
     * with indexOf, not a regular expression: this runs for every reason of every assessment.
     */
    String text(RuleDescription rule, boolean localPolicy, Parameters parameters, ParameterCatalogue catalogue,
            Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String template = rule.text(locale);
        String marker = !localPolicy ? "" : english ? "[Local policy] " : "[Lokal praksis] ";
        String localValue = localPolicy ? "" : english ? " (local policy)" : " (lokal praksis)";
        int open = template.indexOf('{');
        if (open < 0) {
            return marker.isEmpty() ? template : marker + template;
        }
        StringBuilder text = new StringBuilder(template.length() + marker.length() + 16).append(marker);
        int from = 0;
        for (; open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open + 1);
            if (close < 0) {
                break;
            }
            if (close == open + 1) { // "{}" names no parameter: kept as written
                text.append(template, from, close + 1);
                from = close + 1;
                continue;
            }
            String name = template.substring(open + 1, close);
            Object value = parameters.get(name);
            text.append(template, from, open)
                    .append(value != null ? value.toString() : english ? "(not set)" : "(ikke fastsat)");
            if (value != null && catalogue != null && catalogue.isLocal(name)) {
                text.append(localValue);
            }
            from = close + 1;
        }
        return text.append(template, from, template.length()).toString();
    }
}
