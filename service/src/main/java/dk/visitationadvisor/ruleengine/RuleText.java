package dk.visitationadvisor.ruleengine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source text of one rule in a rule file, for what the KIE API does not tell: where the rule
 * stands, its step (ruleflow group), and the parameters it reads.
 */
record RuleText(String file, int line, String name, String text) {

    private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*rule\\s+\"([^\"]+)\"");
    private static final Pattern RULE_END = Pattern.compile("(?m)^[ \\t]*end[ \\t]*$");
    private static final Pattern STEP = Pattern.compile("ruleflow-group\\s+\"([^\"]+)\"");
    private static final Pattern PARAMETER_USE = Pattern.compile("params\\s*\\.\\s*\\w+\\s*\\(\\s*\"([^\"]+)\"");

    static List<RuleText> scan(String file, String content) {
        List<RuleText> rules = new ArrayList<>();
        Matcher start = RULE_START.matcher(content);
        while (start.find()) {
            Matcher end = RULE_END.matcher(content);
            int stop = end.find(start.end()) ? end.end() : content.length();
            int line = (int) content.substring(0, start.start()).lines().count() + 1;
            rules.add(new RuleText(file, line, start.group(1), content.substring(start.start(), stop)));
        }
        return rules;
    }

    Optional<String> step() {
        Matcher matcher = STEP.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The parameters the rule reads through {@code params}, in the order they first appear. */
    List<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PARAMETER_USE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }
}
