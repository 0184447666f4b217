package dk.visitationadvisor.explanation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.facts.Outcome;
import java.util.List;
import java.util.Map;

/**
 * One explained statement.
 *
 * @param code the criterion or preference code from the brief, e.g. {@code IS-IN-RISK}
 * @param rule the name of the rule that made the statement
 * @param outcome whether the criterion's condition holds: for an exclusion, MET means the family is excluded
 * @param source where the rule comes from: document and section
 * @param quotes the source passages, in the documents' Danish
 * @param facts the input facts that made the rule fire, as {@code path = value}
 * @param parameters the parameter values the rule used
 * @param missing the input fields whose absence made the outcome unknown
 * @param localPolicy true when the rule is local policy, not taken from the sources
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Reason(String code, String rule, RuleKind kind, Outcome outcome, String text, String source,
        List<String> quotes, List<String> facts, Map<String, Object> parameters, List<String> missing,
        boolean localPolicy) {
}
