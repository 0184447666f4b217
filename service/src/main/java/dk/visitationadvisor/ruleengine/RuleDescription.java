package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.CriterionKind;
import dk.visitationadvisor.facts.Programme;
import java.util.List;
import java.util.Locale;

/**
 * What the rule set says about one rule, from its metadata and its text: the explanation in Danish
 * and English, the cited source passages, whether it is local policy, and the parameters it reads.
 */
public record RuleDescription(String name, String file, int line, String step, String code, CriterionKind kind,
        Programme programme, List<String> sources, String textDa, String textEn, boolean localPolicy,
        List<String> parameters) {

    /** English when asked for; Danish, the caseworkers' language, otherwise. */
    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textDa;
    }
}
