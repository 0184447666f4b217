package dk.visitationadvisor.ruleengine;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.Problem;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The subset of DRL a rule author may write, checked on the parser's descriptors before anything is
 * compiled: the compiler evaluates annotation values and compiles consequences into code that runs, so a
 * rule file must never reach it unchecked. What is allowed, and why, is in docs/rule-language.md; every
 * refusal names the file, the line and what to write instead.
 */
public final class RulePolicy {

    static final String FACT_PACKAGE = "dk.visitationadvisor.facts";
    /** The fact model, and {@code List} for {@code List.of(…)}. */
    static final Set<String> IMPORTS = Set.of(FACT_PACKAGE + ".*", "java.util.List");
    static final Map<String, String> GLOBALS = Map.of("params", "Parameters");
    static final Set<String> ATTRIBUTES = Set.of("ruleflow-group", "salience", "no-loop");
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("collectList", "collectSet", "count", "sum", "min",
            "max", "average");
    static final Set<String> OPERATORS = Set.of("in", "contains", "excludes", "memberOf");
    /** What a consequence may insert: {@code insert( <one of these>( … ) );}. */
    static final Set<String> RESULT_CALLS = Set.of("Abstention.of", "CurrentPhase.of", "Escalation.raise",
            "Finding.met", "Finding.notMet", "Finding.unknown", "FollowUp.dueOn", "LawReference.of", "PlanNote.of",
            "ProgrammeResource.of", "ProgrammeStatus.of", "Recommendation.none", "Recommendation.of",
            "Recommendation.undecided", "RiskFactor.counted", "UnknownRiskFact.of", "VisitRange.adjusted",
            "VisitRange.base");
    /** Other calls on a class: a list of values, and the missing-information entry of a parameter. */
    static final Set<String> STATIC_CALLS = Set.of("List.of", "Abstention.parameter");
    /**
     * Methods of facts, parameters and values that may be called in conditions and arguments, besides a fact's
     * own fields read as calls ({@code $course.phaseStartDate()}).
     */
    static final Set<String> METHODS = Set.of(
            // facts: what they say, and the input fields they rest on
            "fact", "facts", "known", "listed", "missing", "identity", "asFact", "hasRiskFactor", "levelAtLeast",
            "levelBelow", "concernRoseTo", "concernFellTo", "hadNoActiveUse", "reportedDomesticViolence",
            // record fields read as calls
            "level", "date", "name", "phase", "programme", "min", "max", "birthDate",
            // parameters
            "value", "concernLevel", "isSet", "unset",
            // values: lists and dates
            "size", "isEmpty", "contains", "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays",
            "minusMonths", "isBefore", "isAfter");
    private static final Set<String> NOT_PROPERTIES = Set.of("toString", "hashCode", "equals", "getClass",
            "values", "valueOf", "ordinal", "compareTo", "describeConstable", "getDeclaringClass");
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\[\"\\\\nt])*\"|-?\\d+(?:\\.\\d+)?|true|false");
    private static final Vocabulary FACTS = Vocabulary.load();

    /** Names that reach into the engine; a rule's result gets its rule's context from {@link ConsequenceWriter}. */
    private static final Set<String> ENGINE_NAMES = Set.of("kcontext", "drools");

    private final String file;
    private List<String> lines = List.of();
    private final List<RuleSetProblem> problems = new ArrayList<>();
    /** Each checked consequence, as written and as the compiler gets it, in the order of the file. */
    private final List<Map.Entry<String, String>> consequences = new ArrayList<>();

    private RulePolicy(String file) {
        this.file = file;
    }

    /** Every way the rule files leave the allowed subset; empty when all of them keep to it. */
    public static List<RuleSetProblem> check(Map<String, String> drlFiles) {
        List<RuleSetProblem> problems = new ArrayList<>();
        drlFiles.forEach((file, content) -> problems.addAll(new RulePolicy(file).checkFile(content)));
        return problems;
    }

    /**
     * The rule files as the compiler gets them: checked, with every consequence written by
     * {@link ConsequenceWriter} from the checked calls. Fails with every problem when a file leaves the subset.
     */
    static Map<String, String> compilable(Map<String, String> drlFiles) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, String> compilable = new LinkedHashMap<>();
        drlFiles.forEach((file, content) -> {
            RulePolicy policy = new RulePolicy(file);
            policy.checkFile(content);
            compilable.put(file, policy.compilable(content));
            problems.addAll(policy.problems);
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return compilable;
    }

    /** The checked file with each consequence replaced by the one written for the compiler. */
    private String compilable(String content) {
        StringBuilder written = new StringBuilder();
        int from = 0;
        for (Map.Entry<String, String> consequence : consequences) {
            int at = content.indexOf(consequence.getKey(), from);
            if (at < 0) {
                refuse(0, "the part after then of a rule cannot be found in the file",
                        "delen efter then i en regel kan ikke findes i filen");
                return content;
            }
            written.append(content, from, at).append(consequence.getValue());
            from = at + consequence.getKey().length();
        }
        return written.append(content.substring(from)).toString();
    }

    /** The fact model's class names, for the documentation and its test. */
    public static Set<String> factClasses() {
        return new TreeSet<>(FACTS.classes());
    }

    private List<RuleSetProblem> checkFile(String content) {
        // The Java compiler reads \\u escapes before anything else, so they could hide code from this check.
        int escape = content.indexOf("\\u");
        if (escape >= 0) {
            refuse(content.substring(0, escape).split("\n", -1).length, "\\u escapes are not allowed; write the "
                    + "character itself (the files are UTF-8)", "\\u-koder er ikke tilladt; skriv selve tegnet");
            return problems;
        }
        lines = content.lines().toList();
        DrlParser parser = new DrlParser();
        PackageDescr drl;
        try {
            drl = parser.parse(false, content);
        } catch (DroolsParserException | RuntimeException e) {
            refuse(0, "The file cannot be read as a rule file: " + e.getMessage(),
                    "Filen kan ikke læses som en regelfil");
            return problems;
        }
        if (parser.hasErrors() || drl == null) {
            for (DroolsError error : parser.getErrors()) {
                refuse(Math.max(0, error.getLines().length > 0 ? error.getLines()[0] : 0),
                        "The rule file does not parse: " + error.getMessage(), "Regelfilen kan ikke læses");
            }
            return problems;
        }
        for (ImportDescr anImport : drl.getImports()) {
            if (!IMPORTS.contains(anImport.getTarget())) {
                refuse(anImport.getLine(), "import " + anImport.getTarget() + " is not allowed; import only "
                        + FACT_PACKAGE + ".* (and java.util.List)",
                        "import af " + anImport.getTarget() + " er ikke tilladt; importér kun faktamodellen");
            }
        }
        drl.getFunctionImports().forEach(i -> refuse(i.getLine(), "import function is not allowed",
                "import function er ikke tilladt"));
        drl.getAccumulateImports().forEach(i -> refuse(i.getLine(), "import accumulate is not allowed",
                "import accumulate er ikke tilladt"));
        drl.getFunctions().forEach(f -> refuse(f.getLine(), "function " + f.getName()
                + " is not allowed: a rule file holds rules only; ask a developer for a method on the fact model",
                "function er ikke tilladt: en regelfil indeholder kun regler"));
        for (GlobalDescr global : drl.getGlobals()) {
            if (!global.getType().equals(GLOBALS.get(global.getIdentifier()))) {
                refuse(global.getLine(), "global " + global.getType() + " " + global.getIdentifier()
                        + " is not allowed; the only global is \"global Parameters params;\"",
                        "global er ikke tilladt, bortset fra \"global Parameters params;\"");
            }
        }
        drl.getTypeDeclarations().forEach(d -> refuse(d.getLine(), "declare is not allowed: new facts are "
                + "made by a developer in the fact model", "declare er ikke tilladt: nye fakta laves af en udvikler"));
        drl.getEnumDeclarations().forEach(d -> refuse(d.getLine(), "declare enum is not allowed",
                "declare enum er ikke tilladt"));
        drl.getEntryPointDeclarations().forEach(d -> refuse(d.getLine(), "entry points are not allowed",
                "entry points er ikke tilladt"));
        drl.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "windows are not allowed",
                "vinduer er ikke tilladt"));
        drl.getAttributes().forEach(a -> refuse(a.getLine(), "attribute " + a.getName()
                + " for the whole file is not allowed", "attributten " + a.getName() + " for hele filen er ikke tilladt"));
        for (RuleDescr rule : drl.getRules()) {
            checkRule(rule);
        }
        return problems;
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule.getLine(), "query " + rule.getName() + " is not allowed", "query er ikke tilladt");
            return;
        }
        annotations(rule);
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (!ATTRIBUTES.contains(attribute.getName()) || attribute.getType() == AttributeDescr.Type.EXPRESSION) {
                refuse(attribute.getLine() > 0 ? attribute.getLine() : rule.getLine(), "rule \"" + rule.getName()
                        + "\": the attribute " + attribute.getName() + " " + attribute.getValue()
                        + " is not allowed; allowed are " + new TreeSet<>(ATTRIBUTES) + " with a plain value",
                        "attributten " + attribute.getName() + " er ikke tilladt");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule.getLine(), "rule \"" + rule.getName() + "\": named consequences are not allowed",
                    "navngivne konsekvenser er ikke tilladt");
        }
        if (rule.getLhs() != null) {
            condition(rule, rule.getLhs());
        }
        consequence(rule);
    }

    private void annotations(AnnotatedBaseDescr descr) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            annotation.getValueMap().forEach((key, value) -> {
                if (value != null && !LITERAL.matcher(value.toString().strip()).matches()) {
                    refuse(annotationLine(descr.getLine(), annotation.getName()), "@"
                            + annotation.getName() + "(…) must hold a plain value: a text in \"quotes\", a number,"
                            + " true or false", "@" + annotation.getName()
                            + "(…) må kun indeholde en tekst i anførselstegn, et tal, true eller false");
                }
            });
        }
    }

    private void condition(RuleDescr rule, BaseDescr descr) {
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                condition(rule, (BaseDescr) child);
            }
        } else if (descr instanceof PatternDescr pattern) {
            pattern(rule, pattern);
        } else {
            refuse(line(descr, rule), "rule \"" + rule.getName() + "\": " + name(descr)
                    + " is not allowed in a condition; write the test inside a fact's pattern, e.g. Child( ageInMonths < params.value( \"…\" ) )",
                    name(descr) + " er ikke tilladt i en betingelse");
        }
    }

    private void pattern(RuleDescr rule, PatternDescr pattern) {
        int line = line(pattern, rule);
        String type = pattern.getObjectType();
        // A pattern over a from yields values (String); over an accumulate or collect, its result (Object).
        boolean derived = pattern.getSource() instanceof FromDescr;
        boolean result = pattern.getSource() instanceof AccumulateDescr || pattern.getSource() instanceof CollectDescr;
        if (!FACTS.classes().contains(type) && !(derived && type.equals("String")) && !(result && type.equals("Object"))) {
            refuse(line, "rule \"" + rule.getName() + "\": " + type + " is not a fact of the fact model",
                    type + " er ikke et faktum i faktamodellen");
        }
        if (!pattern.getAnnotations().isEmpty()) {
            refuse(line, "rule \"" + rule.getName() + "\": annotations on a pattern are not allowed",
                    "annotationer på et mønster er ikke tilladt");
        }
        if (!pattern.getBehaviors().isEmpty()) {
            refuse(line, "rule \"" + rule.getName() + "\": windows are not allowed", "vinduer er ikke tilladt");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            String expression = constraint instanceof ExprConstraintDescr e ? e.getExpression()
                    : constraint instanceof BindingDescr b ? b.getVariable() + " : " + b.getExpression() : null;
            if (expression == null) {
                refuse(line(constraint, rule), "rule \"" + rule.getName() + "\": " + name(constraint)
                        + " is not allowed in a pattern", name(constraint) + " er ikke tilladt i et mønster");
            } else {
                constraint(rule, line(constraint, rule), expression);
            }
        }
        if (pattern.getSource() == null) {
            return;
        }
        if (pattern.getSource() instanceof FromDescr from) {
            String source = from.getDataSource().getText().strip();
            if (!source.startsWith("$")) {
                refuse(line, "rule \"" + rule.getName() + "\": from may only read a field of a fact bound "
                        + "earlier ($fact.field), not " + source,
                        "from må kun læse et felt på et faktum, der er bundet før");
            } else {
                constraint(rule, line, source);
            }
        } else if (pattern.getSource() instanceof AccumulateDescr accumulate) {
            accumulate(rule, line, accumulate);
        } else if (pattern.getSource() instanceof CollectDescr collect) {
            condition(rule, collect.getInputPattern());
        } else {
            refuse(line, "rule \"" + rule.getName() + "\": " + name(pattern.getSource())
                    + " is not allowed", name(pattern.getSource()) + " er ikke tilladt");
        }
    }

    private void accumulate(RuleDescr rule, int line, AccumulateDescr accumulate) {
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getResultCode() != null || accumulate.getReverseCode() != null) {
            refuse(line, "rule \"" + rule.getName() + "\": accumulate with init/action/result code is not allowed;"
                    + " use " + new TreeSet<>(ACCUMULATE_FUNCTIONS),
                    "accumulate med kode er ikke tilladt; brug de indbyggede funktioner");
            return;
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refuse(line, "rule \"" + rule.getName() + "\": the accumulate function " + function.getFunction()
                        + " is not allowed; allowed are " + new TreeSet<>(ACCUMULATE_FUNCTIONS),
                        "accumulate-funktionen " + function.getFunction() + " er ikke tilladt");
            }
            for (String parameter : function.getParams()) {
                constraint(rule, line, parameter);
            }
        }
        if (accumulate.getInput() == null) {
            refuse(line, "rule \"" + rule.getName() + "\": accumulate must read facts", "accumulate skal læse fakta");
        } else {
            condition(rule, accumulate.getInput());
        }
    }

    private void constraint(RuleDescr rule, int line, String expression) {
        DrlxExpression parsed;
        try {
            parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()), expression);
        } catch (RuntimeException e) {
            refuse(line, "rule \"" + rule.getName() + "\": the condition \"" + oneLine(expression)
                    + "\" is not in the allowed form", "betingelsen er ikke i den tilladte form");
            return;
        }
        new Expressions(rule, line, true).check(parsed.getExpr());
    }

    private void consequence(RuleDescr rule) {
        Object text = rule.getConsequence();
        if (text == null || text.toString().isBlank()) {
            return;
        }
        int first = rule.getConsequenceLine();
        BlockStmt block;
        try {
            block = StaticJavaParser.parseBlock("{" + text + "\n}");
        } catch (ParseProblemException e) {
            int line = e.getProblems().stream().findFirst().flatMap(Problem::getLocation)
                    .flatMap(range -> range.getBegin().getRange()).map(range -> first + range.begin.line).orElse(first);
            refuse(line, "rule \"" + rule.getName() + "\": the part after then must be insert( … ); statements",
                    "delen efter then må kun være insert( … );");
            return;
        }
        List<MethodCallExpr> results = new ArrayList<>();
        int before = problems.size();
        for (Statement statement : block.getStatements()) {
            // The consequence's text starts on the line after then.
            int line = first + statement.getBegin().map(p -> p.line).orElse(1);
            if (statement instanceof ExpressionStmt stmt && stmt.getExpression() instanceof MethodCallExpr insert
                    && insert.getScope().isEmpty() && insert.getNameAsString().equals("insert")
                    && insert.getArguments().size() == 1
                    && insert.getArgument(0) instanceof MethodCallExpr result
                    && result.getScope().filter(NameExpr.class::isInstance)
                            .map(s -> RESULT_CALLS.contains(s + "." + result.getNameAsString())).orElse(false)) {
                Expressions arguments = new Expressions(rule, line, false);
                result.getArguments().forEach(arguments::check);
                results.add(result);
            } else {
                refuse(line, "rule \"" + rule.getName() + "\": after then, only insert( <result>( … ) ); is allowed,"
                        + " with a result among " + new TreeSet<>(RESULT_CALLS) + "; found \""
                        + oneLine(statement.toString()) + "\"",
                        "efter then er kun insert( … ); med et af de dokumenterede resultater tilladt");
            }
        }
        if (problems.size() == before) {
            consequences.add(Map.entry(text.toString(), ConsequenceWriter.write(text.toString(), results)));
        }
    }

    /** Checks one expression against the allow-lists: facts' fields, listed methods, literals. */
    private final class Expressions {

        private final RuleDescr rule;
        private final int line;
        private final boolean condition;

        Expressions(RuleDescr rule, int line, boolean condition) {
            this.rule = rule;
            this.line = line;
            this.condition = condition;
        }

        void check(Expression expression) {
            if (expression instanceof StringLiteralExpr || expression instanceof IntegerLiteralExpr
                    || expression instanceof LongLiteralExpr || expression instanceof DoubleLiteralExpr
                    || expression instanceof BooleanLiteralExpr || expression instanceof NullLiteralExpr
                    || (condition && expression instanceof ThisExpr)) {
                return;
            }
            if (expression instanceof NameExpr name) {
                root(name.getNameAsString());
            } else if (expression instanceof FieldAccessExpr field) {
                if (!FACTS.properties().contains(field.getNameAsString())) {
                    refuse("the field \"" + field.getNameAsString() + "\" is not a field of the fact model",
                            "feltet \"" + field.getNameAsString() + "\" findes ikke i faktamodellen");
                }
                check(field.getScope());
            } else if (expression instanceof MethodCallExpr call) {
                call(call);
            } else if (expression instanceof BinaryExpr binary) {
                check(binary.getLeft());
                check(binary.getRight());
            } else if (expression instanceof UnaryExpr unary && !unary.getOperator().isPostfix()
                    && unary.getOperator() != UnaryExpr.Operator.PREFIX_INCREMENT
                    && unary.getOperator() != UnaryExpr.Operator.PREFIX_DECREMENT) {
                check(unary.getExpression());
            } else if (expression instanceof EnclosedExpr enclosed) {
                check(enclosed.getInner());
            } else if (expression instanceof ConditionalExpr conditional) {
                check(conditional.getCondition());
                check(conditional.getThenExpr());
                check(conditional.getElseExpr());
            } else if (condition && expression instanceof HalfBinaryExpr half) {
                check(half.getRight());
            } else if (condition && expression instanceof PointFreeExpr operator) {
                String name = operator.getOperator().asString();
                if (!OPERATORS.contains(name) || operator.getArg1() != null) {
                    refuse("the operator \"" + name + "\" is not allowed; allowed are " + new TreeSet<>(OPERATORS),
                            "operatoren \"" + name + "\" er ikke tilladt");
                }
                check(operator.getLeft());
                operator.getRight().forEach(this::check);
            } else {
                refuse("\"" + oneLine(expression.toString()) + "\" is not allowed here: only facts' fields,"
                        + " the listed methods, parameters and plain values", "\"" + oneLine(expression.toString())
                        + "\" er ikke tilladt: kun faktas felter, de dokumenterede metoder, parametre og faste værdier");
            }
        }

        private void call(MethodCallExpr call) {
            String name = call.getNameAsString();
            if (call.getScope().isPresent() && call.getScope().get() instanceof NameExpr scope
                    && FACTS.isClass(scope.getNameAsString())) {
                String qualified = scope.getNameAsString() + "." + name;
                if (!STATIC_CALLS.contains(qualified)) {
                    refuse(qualified + "( … ) is not allowed here; allowed are " + new TreeSet<>(STATIC_CALLS),
                            qualified + "( … ) er ikke tilladt her");
                }
            } else if (!(METHODS.contains(name) || FACTS.properties().contains(name))
                    || (call.getScope().isEmpty() && !condition)) {
                refuse("the method " + name + "( … ) is not allowed; the allowed methods are in docs/rule-language.md",
                        "metoden " + name + "( … ) er ikke tilladt; de tilladte står i docs/rule-language.md");
            }
            if (!(call.getScope().isPresent() && call.getScope().get() instanceof NameExpr n
                    && FACTS.isClass(n.getNameAsString()))) {
                call.getScope().ifPresent(this::check);
            }
            call.getArguments().forEach(this::check);
        }

        private void root(String name) {
            if (ENGINE_NAMES.contains(name)) {
                refuse(name + " is not written in a rule: the result learns which rule concluded it by itself;"
                        + " write e.g. insert( Finding.met( $child.fact( \"birthDate\" ) ) );", name
                        + " skrives ikke i en regel: resultatet ved selv, hvilken regel der konkluderede det;"
                        + " skriv fx insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
                return;
            }
            boolean allowed = name.startsWith("$") || GLOBALS.containsKey(name) || FACTS.isClass(name)
                    || (condition && FACTS.properties().contains(name));
            if (!allowed) {
                refuse("\"" + name + "\" is neither a fact's field, a bound $variable, params nor a fact-model class",
                        "\"" + name + "\" er hverken et felt, en bundet $variabel, params eller en klasse i faktamodellen");
            }
        }

        private void refuse(String english, String danish) {
            RulePolicy.this.refuse(line, "rule \"" + rule.getName() + "\": " + english, danish);
        }
    }

    private void refuse(int line, String english, String danish) {
        problems.add(new RuleSetProblem(file, Math.max(0, line), english + " (da: " + danish + ")"));
    }

    /** The parser gives an annotation the line of its rule: the line where it is written is the first after it. */
    private int annotationLine(int from, String name) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains("@" + name)) {
                return i + 1;
            }
        }
        return from;
    }

    private static int line(BaseDescr descr, RuleDescr rule) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }

    private static String name(BaseDescr descr) {
        return descr.getClass().getSimpleName().replace("Descr", "").toLowerCase();
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }

    /** The fact model's classes and the names of their fields and constants, read from the classes. */
    private record Vocabulary(Set<String> classes, Set<String> properties) {

        boolean isClass(String name) {
            return classes.contains(name) || name.equals("List");
        }

        static Vocabulary load() {
            Set<String> classes = new HashSet<>();
            Set<String> properties = new HashSet<>();
            try {
                for (Resource resource : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + FACT_PACKAGE.replace('.', '/') + "/*.class")) {
                    String simple = resource.getFilename().replace(".class", "");
                    if (simple.contains("$") || simple.equals("package-info")) {
                        continue;
                    }
                    Class<?> type = Class.forName(FACT_PACKAGE + "." + simple, false, RulePolicy.class.getClassLoader());
                    if (!Modifier.isPublic(type.getModifiers())) {
                        continue;
                    }
                    classes.add(simple);
                    for (Method method : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 0
                                && !NOT_PROPERTIES.contains(method.getName())) {
                            properties.add(property(method.getName()));
                        }
                    }
                    for (Field field : type.getDeclaredFields()) {
                        if (Modifier.isPublic(field.getModifiers())) {
                            properties.add(field.getName());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            return new Vocabulary(Set.copyOf(classes), Set.copyOf(properties));
        }

        private static String property(String method) {
            for (String prefix : List.of("get", "is")) {
                if (method.startsWith(prefix) && method.length() > prefix.length()
                        && Character.isUpperCase(method.charAt(prefix.length()))) {
                    return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
                }
            }
            return method;
        }
    }
}
