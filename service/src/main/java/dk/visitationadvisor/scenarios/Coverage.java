package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the scenarios leave untested: the rules that no scenario makes fire, and the codes in the
 * rule files that no scenario file mentions.
 */
public record Coverage(Set<String> rulesNeverFired, Set<String> codesWithoutScenario, int rules, int codes) {

    public static Coverage of(RuleSet ruleSet, List<ScenarioRunner.Result> results, List<Path> scenarioFiles) {
        Set<String> fired = results.stream().flatMap(r -> r.firedRules().stream()).collect(Collectors.toSet());
        Set<String> neverFired = ruleSet.rules().keySet().stream()
                .filter(rule -> !fired.contains(rule))
                .collect(Collectors.toCollection(TreeSet::new));
        String scenarioText = scenarioFiles.stream().map(Coverage::read).collect(Collectors.joining("\n"));
        Set<String> codes = ruleSet.rules().values().stream().map(RuleDescription::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unmentioned = codes.stream()
                .filter(code -> !scenarioText.contains(code))
                .collect(Collectors.toCollection(TreeSet::new));
        return new Coverage(neverFired, unmentioned, ruleSet.rules().size(), codes.size());
    }

    public boolean complete() {
        return rulesNeverFired.isEmpty() && codesWithoutScenario.isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
