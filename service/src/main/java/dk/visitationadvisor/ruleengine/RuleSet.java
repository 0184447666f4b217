package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Criterion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * A compiled, checked rule set: the KieBase that evaluates, and what explains its results. Immutable;
 * a new rule set replaces it as a whole.
 *
 * @param version a hash of the content of every rule, parameter and source file
 * @param files the content of those files, by path, as the rule set was built from them
 * @param criteria the criteria the rules define per programme, given to every evaluation as facts
 * @param warnings what an author should look at, though the rule set works: compiler warnings, and
 *     parameters or source passages that no rule uses
 */
public record RuleSet(String version, String origin, Map<String, String> files, KieBase kieBase,
        Map<String, RuleDescription> rules, ParameterCatalogue parameters, SourceCatalogue sources,
        List<Criterion> criteria, boolean usesParameters,
        List<RuleSetProblem> warnings) {

    public Optional<RuleDescription> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }
}
