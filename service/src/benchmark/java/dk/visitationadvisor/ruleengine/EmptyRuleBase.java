package dk.visitationadvisor.ruleengine;

import java.util.List;
import java.util.Map;

/**
 * The engine's floor: a rule set with the real one's parameters, sources and criteria but a rule base
 * without a single rule, so that an evaluation costs only what the engine itself does per family.
 */
public final class EmptyRuleBase {

    private EmptyRuleBase() {
    }

    public static RuleSet like(RuleSet rules) {
        return new RuleSet(rules.version() + "-empty", rules.origin(), Map.of(),
                RuleSetCompiler.compile(Map.of("empty.drl", "package rules.empty;\n")).kieBase(), Map.of(),
                rules.parameters(), rules.sources(), rules.criteria(), false, List.of());
    }
}
