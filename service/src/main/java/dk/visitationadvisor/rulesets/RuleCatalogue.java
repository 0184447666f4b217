package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.ruleengine.ParameterDefinition;
import dk.visitationadvisor.ruleengine.ParameterReference;
import dk.visitationadvisor.ruleengine.RuleDescription;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.SourcePassage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The live rules, as domain experts and integrators read them: what each rule says, and on what. */
@Service
public class RuleCatalogue {

    private final LiveRuleSet live;

    public RuleCatalogue(LiveRuleSet live) {
        this.live = live;
    }

    /** The live rule set's version and every rule, by file and line. */
    public Catalogue live() {
        RuleSet ruleSet = live.ruleSet();
        List<Entry> entries = ruleSet.rules().values().stream()
                .sorted(Comparator.comparing(RuleDescription::file).thenComparing(RuleDescription::line))
                .map(rule -> entry(ruleSet, rule))
                .toList();
        return new Catalogue(ruleSet.version(), ruleSet.origin(), entries);
    }

    public record Catalogue(String rulesetVersion, String origin, List<Entry> rules) {
    }

    /**
     * One rule. {@code parameters} are the values each parameter has, by the date it takes effect
     * (empty when a required parameter is not set yet); {@code parameterReferences} the reference of each
     * of those values, by the same dates; {@code parameterFiles} the parameter file that defines each.
     */
    @Schema(name = "RuleEntry")
    public record Entry(String name, String code, String kind, String programme, String step, String file, int line,
            String textDa, String textEn, boolean localPolicy, String severity, String actionDa, String actionEn,
            List<SourcePassage> sources, Map<String, Map<LocalDate, Object>> parameters,
            Map<String, Map<LocalDate, ParameterReference>> parameterReferences, Map<String, String> parameterFiles) {
    }

    private static Entry entry(RuleSet ruleSet, RuleDescription rule) {
        Map<String, Map<LocalDate, Object>> parameters = new LinkedHashMap<>();
        Map<String, Map<LocalDate, ParameterReference>> references = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : rule.parameters()) {
            ParameterDefinition definition = ruleSet.parameters().definitions().get(name);
            parameters.put(name, definition.values());
            references.put(name, definition.references());
            files.put(name, definition.file());
        }
        return new Entry(rule.name(), rule.code(), rule.kind().name(),
                rule.programme() == null ? null : rule.programme().name(), rule.step(), rule.file(), rule.line(),
                rule.textDa(), rule.textEn(), rule.localPolicy(),
                rule.severity() == null ? null : rule.severity().name(), rule.actionDa(), rule.actionEn(),
                rule.sources().stream().map(id -> ruleSet.sources().find(id).orElseThrow()).toList(), parameters,
                references, files);
    }
}
