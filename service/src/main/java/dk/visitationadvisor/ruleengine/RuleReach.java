package dk.visitationadvisor.ruleengine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What each rule of a rule set can read and what it concludes, worked out once from the rule files'
 * text: so that a change of a family's facts that no rule leading to an outcome reads is known to leave
 * the outcome as it is, without evaluating (the what-if analysis tries many such changes).
 * <p>
 * Conservative by construction: a rule reads a fact's field when its conditions or its consequence
 * mention the field's name anywhere (in a constraint, a string, a method argument), or when it calls a
 * method of that fact type other than its fields and the named-field helpers of {@code InputFact}, or
 * passes a bound fact whole ({@code this}, or a binding not followed by a field). A rule can fire for a
 * family only when each fact type its top-level conditions require exists: given, or concluded by a rule
 * that can fire. A rule leads to an outcome when it concludes a status, a recommendation, an escalation,
 * a phase or a visit range, or something a rule leading to an outcome matches on.
 */
public final class RuleReach {

    /** The conclusions an assessment's outcome is read from (AssessmentOutcome). */
    static final Set<String> OUTCOME = Set.of("ProgrammeStatus", "Recommendation", "Escalation", "CurrentPhase",
            "VisitRange");
    private static final String FACTS = RulePolicy.FACT_PACKAGE + ".";
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PATTERN_TYPE = Pattern.compile("(?<![.\\w$])([A-Z]\\w*)\\s*\\(");
    private static final Pattern INSERTED = Pattern.compile("insert\\s*\\(\\s*(\\w+)\\s*\\.");
    /** A binding used whole: not followed by a field or method. */
    private static final Pattern WHOLE_BINDING = Pattern.compile("\\$\\w+\\b(?!\\s*\\.)");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");

    /**
     * @param patterned the fact types its conditions match on, anywhere (also under not, exists, accumulate)
     * @param required the fact types its top-level conditions require to exist
     * @param inserts the types it concludes
     * @param words every name its conditions and consequence mention
     * @param whole true when it uses a matched fact whole
     */
    record Rule(String name, Set<Class<?>> patterned, Set<Class<?>> required, Set<Class<?>> inserts,
            Set<String> words, boolean whole) {
    }

    private final List<Rule> rules;
    /** Per set of fact classes given: a family's shape, of which there are few; worked out once each. */
    private final Map<Set<Class<?>>, Family> families = new ConcurrentHashMap<>();

    private RuleReach(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of these rule files (path to content; only {@code .drl} files are read). */
    static RuleReach of(Map<String, String> files) {
        List<Rule> rules = new ArrayList<>();
        files.forEach((path, content) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            Map<String, Set<Class<?>>> required = requiredTypes(content);
            for (RuleText text : RuleText.scan(path, content)) {
                rules.add(rule(text, required.getOrDefault(text.name(), Set.of())));
            }
        });
        return new RuleReach(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    private static Rule rule(RuleText text, Set<Class<?>> required) {
        String source = COMMENT.matcher(text.text()).replaceAll("");
        Matcher when = WHEN.matcher(source);
        Matcher then = THEN.matcher(source);
        String conditions = source;
        String consequence = source;
        if (when.find() && then.find(when.end())) {
            conditions = source.substring(when.end(), then.start());
            consequence = source.substring(then.end());
        }
        Set<Class<?>> patterned = new HashSet<>();
        Matcher type = PATTERN_TYPE.matcher(conditions);
        while (type.find()) {
            Class<?> fact = fact(type.group(1));
            if (fact != null) {
                patterned.add(fact);
            }
        }
        Set<Class<?>> inserts = new HashSet<>();
        Matcher inserted = INSERTED.matcher(consequence);
        while (inserted.find()) {
            Class<?> fact = fact(inserted.group(1));
            // What it concludes cannot be told: it may conclude anything.
            inserts.add(fact == null ? Object.class : fact);
        }
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(conditions + "\n" + consequence);
        while (word.find()) {
            words.add(word.group());
        }
        boolean whole = words.contains("this") || WHOLE_BINDING.matcher(consequence).find();
        return new Rule(text.name(), patterned, required, inserts, words, whole);
    }

    /** Per rule, the types of its top-level patterns that read working memory (no {@code from}). */
    private static Map<String, Set<Class<?>>> requiredTypes(String content) {
        Map<String, Set<Class<?>>> required = new HashMap<>();
        DrlParser parser = new DrlParser();
        PackageDescr drl;
        try {
            drl = parser.parse(false, content);
        } catch (DroolsParserException | RuntimeException e) {
            return required;
        }
        if (drl == null) {
            return required;
        }
        for (RuleDescr rule : drl.getRules()) {
            Set<Class<?>> types = new HashSet<>();
            for (Object descr : rule.getLhs().getDescrs()) {
                if (descr instanceof PatternDescr pattern && pattern.getSource() == null) {
                    Class<?> fact = fact(pattern.getObjectType());
                    if (fact != null) {
                        types.add(fact);
                    }
                }
            }
            required.put(rule.getName(), types);
        }
        return required;
    }

    private static Class<?> fact(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        try {
            return Class.forName(FACTS + simple);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * For one family, given the classes of the facts it is evaluated with: the rules that can fire and lead
     * to an outcome.
     */
    public Family forFacts(Collection<Class<?>> given) {
        return families.computeIfAbsent(Set.copyOf(given), this::workOut);
    }

    private Family workOut(Set<Class<?>> given) {
        Set<Class<?>> available = new HashSet<>(given);
        boolean[] canFire = new boolean[rules.size()];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < rules.size(); i++) {
                if (!canFire[i] && rules.get(i).required().stream().allMatch(t -> matchesAny(t, available))) {
                    canFire[i] = true;
                    available.addAll(rules.get(i).inserts());
                    grew = true;
                }
            }
        }
        List<Rule> leading = new ArrayList<>();
        boolean[] leads = new boolean[rules.size()];
        grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < rules.size(); i++) {
                if (canFire[i] && !leads[i] && rules.get(i).inserts().stream().anyMatch(t -> leadsToOutcome(t, leading))) {
                    leads[i] = true;
                    leading.add(rules.get(i));
                    grew = true;
                }
            }
        }
        return new Family(List.copyOf(leading));
    }

    private static boolean matchesAny(Class<?> type, Set<Class<?>> available) {
        return available.stream().anyMatch(c -> type.isAssignableFrom(c) || c == Object.class);
    }

    private static boolean leadsToOutcome(Class<?> inserted, List<Rule> leading) {
        return inserted == Object.class || OUTCOME.contains(inserted.getSimpleName())
                || leading.stream().anyMatch(r -> r.patterned().stream().anyMatch(t -> t.isAssignableFrom(inserted)));
    }

    /**
     * The rules that can fire for one shape of family and lead to an outcome. Shared by every trial of that
     * shape, so its answers are kept: a ranking asks about each field of each variant.
     */
    public static final class Family {

        private final List<Rule> leading;
        private final Map<Class<?>, Map<String, Boolean>> read = new ConcurrentHashMap<>();

        private Family(List<Rule> leading) {
            this.leading = leading;
        }

        /** True when a rule that can fire and leads to an outcome may read this field of this fact type. */
        public boolean reads(Class<?> type, String field) {
            return read.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                    .computeIfAbsent(field, f -> mayRead(type, f));
        }

        private boolean mayRead(Class<?> type, String field) {
            Set<String> methods = ownMethods(type);
            return leading.stream()
                    .filter(r -> r.patterned().stream().anyMatch(t -> t.isAssignableFrom(type)))
                    .anyMatch(r -> r.whole() || r.words().contains(field)
                            || methods.stream().anyMatch(r.words()::contains));
        }

        int size() {
            return leading.size();
        }
    }

    /** The methods of a fact type besides its fields and the named-field helpers every input fact has. */
    private static Set<String> ownMethods(Class<?> type) {
        Set<String> fields = new HashSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
        }
        Set<String> methods = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && !fields.contains(method.getName())
                    && !Set.of("toString", "hashCode", "equals", "path").contains(method.getName())) {
                methods.add(method.getName());
            }
        }
        return methods;
    }
}
