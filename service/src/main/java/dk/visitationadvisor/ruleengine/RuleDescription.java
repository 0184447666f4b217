package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Severity;
import java.util.List;
import java.util.Locale;

/**
 * What the rule set says about one rule, from its metadata and its text: the explanation in Danish
 * and English, the cited source passages, whether it is local policy, and the parameters it reads;
 * for an escalation rule also its severity, the action in Danish and English, and whether it
 * intensifies visits.
 *
 * @param definition the rule's text in its file, from {@code rule} to {@code end}
 */
public record RuleDescription(String name, String file, int line, String step, String code, RuleKind kind,
        Programme programme, List<String> sources, String textDa, String textEn, boolean localPolicy,
        List<String> parameters, Severity severity, String actionDa, String actionEn, boolean intensifies,
        String definition) {

    /** English when asked for; Danish, the caseworkers' language, otherwise. */
    public String text(Locale locale) {
        return english(locale) ? textEn : textDa;
    }

    /** What an escalation asks the caseworker to do; null for other rules. */
    public String action(Locale locale) {
        return english(locale) ? actionEn : actionDa;
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
