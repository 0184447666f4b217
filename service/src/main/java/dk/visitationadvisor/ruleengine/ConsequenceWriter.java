package dk.visitationadvisor.ruleengine;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the consequence the compiler gets for one an author wrote: each result call gets the rule's context
 * ({@code kcontext}) as its first argument, so the result carries the rule's name and metadata (code, texts,
 * source) without the author writing it. It is written from the calls {@link RulePolicy} has checked, never from
 * the author's text, so only the checked subset reaches the compiler.
 */
final class ConsequenceWriter {

    /** How a conclusion enters working memory; the one place that says so. */
    private static final String CONCLUDE = "insert";
    private static final String RULE_CONTEXT = "kcontext";

    private ConsequenceWriter() {
    }

    /**
     * The consequence to compile, with as many lines as the author's so that the compiler's line numbers stay the
     * author's; each result call stands on the line where its statement began.
     *
     * @param authored the consequence as written, from which the results' line numbers count
     * @param results  the checked result calls, e.g. {@code Finding.met( $child.fact( "birthDate" ) )}
     */
    static String write(String authored, List<MethodCallExpr> results) {
        String[] lines = new String[authored.split("\n", -1).length];
        Arrays.fill(lines, "");
        for (MethodCallExpr result : results) {
            int at = Math.min(lines.length, Math.max(1, result.getBegin().map(p -> p.line).orElse(1))) - 1;
            lines[at] = (lines[at].isEmpty() ? "    " : lines[at] + " ") + conclude(result);
        }
        return String.join("\n", lines);
    }

    private static String conclude(MethodCallExpr result) {
        MethodCallExpr withContext = result.clone();
        withContext.getArguments().addFirst(new NameExpr(RULE_CONTEXT));
        return CONCLUDE + "( " + withContext + " );";
    }
}
