package dk.visitationadvisor.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.RuleKind;
import dk.visitationadvisor.ruleengine.ParameterCatalogue;
import dk.visitationadvisor.ruleengine.RuleDescription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final Explainer explainer = new Explainer();

    private static RuleDescription rule(String textDa, String textEn) {
        return new RuleDescription("R", "r.drl", 1, "criteria", "R", RuleKind.INCLUSION, null, List.of(), textDa,
                textEn, false, List.of(), null, null, null, false, "rule \"R\" end");
    }

    @Test
    void fillsInEveryPlaceholderWithTheParameterInForce() {
        Parameters parameters = new Parameters(Map.of("a.min", 2, "a.max", 5));
        assertThat(explainer.text(rule("x", "From {a.min} to {a.max} visits, {a.min} at least."), false, parameters, null,
                Locale.ENGLISH)).isEqualTo("From 2 to 5 visits, 2 at least.");
    }

    @Test
    void saysInTheCaseworkersLanguageWhenAParameterIsNotSet() {
        Parameters none = new Parameters(Map.of());
        RuleDescription rule = rule("Grænsen er {a.cutoff}.", "The cutoff is {a.cutoff}.");
        assertThat(explainer.text(rule, false, none, null, Locale.ENGLISH)).isEqualTo("The cutoff is (not set).");
        assertThat(explainer.text(rule, false, none, null, DANISH)).isEqualTo("Grænsen er (ikke fastsat).");
    }

    @Test
    void marksLocalPolicyAndLeavesTextWithoutPlaceholdersAsWritten() {
        Parameters none = new Parameters(Map.of());
        RuleDescription rule = rule("Hjemmet foretrækkes.", "The home is preferred, {} and { as written.");
        assertThat(explainer.text(rule, true, none, null, DANISH)).isEqualTo("[Lokal praksis] Hjemmet foretrækkes.");
        assertThat(explainer.text(rule, false, none, null, Locale.ENGLISH))
                .isEqualTo("The home is preferred, {} and { as written.");
    }

    @Test
    void marksEveryValueOfALocalPolicyParameterWhereItIsShown() {
        Parameters parameters = new Parameters(Map.of("a.weeks", 8, "a.cited", 32));
        ParameterCatalogue catalogue = ParameterCatalogue.parse("a/parameters.yaml", """
                a.weeks: { description: d, unit: weeks, local: true, values: { 2020-01-01: { value: 8, reference: { locator: r } } } }
                a.cited: { description: d, unit: weeks, local: false, values: { 2020-01-01: { value: 32, reference: { source: s } } } }
                """, null);
        RuleDescription rule = rule("Barnet er højst {a.weeks} uger; statusbrev i uge {a.cited}.",
                "The child is at most {a.weeks} weeks; status letter in week {a.cited}.");
        assertThat(explainer.text(rule, false, parameters, catalogue, DANISH))
                .isEqualTo("Barnet er højst 8 (lokal praksis) uger; statusbrev i uge 32.");
        assertThat(explainer.text(rule, false, parameters, catalogue, Locale.ENGLISH))
                .isEqualTo("The child is at most 8 (local policy) weeks; status letter in week 32.");
        assertThat(explainer.text(rule, true, parameters, catalogue, DANISH))
                .as("a rule that is local policy as a whole is marked once, at its start")
                .isEqualTo("[Lokal praksis] Barnet er højst 8 uger; statusbrev i uge 32.");
    }
}
