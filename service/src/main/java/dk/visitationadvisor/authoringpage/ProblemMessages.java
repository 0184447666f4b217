package dk.visitationadvisor.authoringpage;

import dk.visitationadvisor.ruleengine.ParameterCatalogue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * An error of a rule set in plain words in the author's language. The checks write their messages in
 * English, the policy check with a Danish version beside it ("… (da: …)"); the messages a domain expert
 * meets most (the parameter files' and the rule metadata's) are matched here and said again in
 * Danish from authoringpage_da.properties, a parameter's unit by its Danish name. Any other message
 * is said generally, with the original beside it.
 */
final class ProblemMessages {

    private static final Pattern DANISH = Pattern.compile("^(.*) \\(da: (.*)\\)$", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\": .*", Pattern.DOTALL);

    /** A message of a check, and the group of its pattern that names a parameter unit (0: none). */
    private record Known(String key, Pattern pattern, int unitGroup) {
    }

    private static final List<Known> KNOWN = List.of(
            known("wholeNumber", "parameter '([^']+)' value of (\\S+) must be a whole number of (.+) without a unit or a decimal comma, found \"(.*)\"", 3),
            known("range", "parameter '([^']+)' value of (\\S+) must be between (-?\\d+) and (-?\\d+) (.+), found (-?\\d+)", 5),
            known("level", "parameter '([^']+)' value of (\\S+) must be one of \\[.*\\], found \"(.*)\""),
            known("notADate", "parameter '([^']+)' value key '(.*)' is not a date.*"),
            known("valueShape", "parameter '([^']+)' value of (\\S+) must hold 'value' and 'reference'.*"),
            known("noValue", "parameter '([^']+)' value of (\\S+) has no 'value'"),
            known("noReference", "parameter '([^']+)' value of (\\S+) has no 'reference'.*"),
            known("noSource", "parameter '([^']+)' the reference of (\\S+) has no 'source'.*"),
            known("unknownSource", "parameter '([^']+)' the reference of (\\S+) cites \"([^\"]+)\", which is not in sources.yaml"),
            known("unknownField", "parameter '([^']+)' (?:value of \\S+ |the reference of \\S+ )?has an unknown field '([^']+)'.*"),
            known("missingField", "parameter '([^']+)' has no '([^']+)'"),
            known("definedTwice", "parameter '([^']+)' is also defined in (\\S+):.*"),
            known("unknownUnit", "parameter '([^']+)' has the unknown unit '([^']*)'.*"),
            known("notAnEntry", "parameter '([^']+)' must hold description, unit, local and values.*"),
            known("localTrueFalse", "parameter '([^']+)' 'local' must be true or false"),
            known("duplicateKey", "(?i)duplicate (?:field|object property|key) [\"']([^\"']+)[\"'].*"),
            known("yamlSyntax", "(?i).*(?:mapping values are not allowed|could not find expected|did not find expected|expected <block end>).*"),
            known("parameterUndefined", "rule \"([^\"]+)\" parameter \"([^\"]+)\" is not defined.*"),
            known("sourceUndefined", "rule \"([^\"]+)\" @source\\(\"([^\"]+)\"\\) is not in sources.yaml"),
            known("missingAnnotation", "rule \"([^\"]+)\" has no @(\\w+)\\(\\.\\.\\.\\)"),
            known("parameterFolder", "parameters belong in the folder of the rules that read them.*"));

    private ProblemMessages() {
    }

    private static Known known(String key, String regex) {
        return known(key, regex, 0);
    }

    private static Known known(String key, String regex, int unitGroup) {
        return new Known("authoring.problem." + key, Pattern.compile(regex, Pattern.DOTALL), unitGroup);
    }

    /** The message without its Danish version. */
    static String english(String message) {
        Matcher danish = DANISH.matcher(message);
        return danish.matches() ? danish.group(1) : message;
    }

    /** The message in plain words in the locale's language. */
    static String plain(String message, Locale locale, MessageSource messages) {
        String english = english(message);
        if ("en".equals(locale.getLanguage())) {
            return english;
        }
        Matcher danish = DANISH.matcher(message);
        if (danish.matches()) {
            Matcher rule = RULE.matcher(english);
            return rule.matches() ? messages.getMessage("authoring.problem.inRule",
                    new Object[] {rule.group(1), danish.group(2)}, locale) : danish.group(2);
        }
        for (Known known : KNOWN) {
            Matcher matcher = known.pattern().matcher(english);
            if (matcher.matches()) {
                Object[] arguments = new Object[matcher.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = matcher.group(i + 1);
                }
                if (known.unitGroup() > 0) {
                    String unit = matcher.group(known.unitGroup());
                    arguments[known.unitGroup() - 1] = ParameterCatalogue.unitInDanish(unit).orElse(unit);
                }
                return messages.getMessage(known.key(), arguments, locale);
            }
        }
        return messages.getMessage("authoring.problem.other", null, locale);
    }
}
