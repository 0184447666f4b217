package dk.visitationadvisor.authoringpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.visitationadvisor.ruleengine.ParameterCatalogue;
import dk.visitationadvisor.ruleengine.RuleSetException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The parameter checks' messages, said again in Danish for an author: a unit is named in Danish, never
 * by the English name the parameter file uses.
 */
class ProblemMessagesTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("authoringpage");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** The one message the parameter checks give for a parameter of this unit and value. */
    private static String checked(String unit, String value) {
        String yaml = """
                escalation.someCutoff:
                  description: A cutoff.
                  unit: %s
                  local: true
                  values:
                    2020-01-01:
                      value: %s
                      reference:
                        locator: local policy
                """.formatted(unit, value);
        RuleSetException refused = catchThrowableOfType(RuleSetException.class,
                () -> ParameterCatalogue.parse("escalation/parameters.yaml", yaml, null));
        assertThat(refused).as("the value %s of %s is refused", value, unit).isNotNull();
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().get(0).message();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', textBlock = """
            risk factors                  | 13 points | et helt tal (risikofaktorer) uden enhed og uden decimalkomma. Der står »13 points«.
            EPDS points                   | 12,5      | et helt tal (EPDS-point) uden enhed
            missed contacts               | 2.5       | et helt tal (udeblevne kontakter) uden enhed
            visits a week                 | many      | et helt tal (besøg om ugen) uden enhed
            Care Index sensitivity points | 7 points  | et helt tal (sensitivitetspoint i Care Index) uden enhed
            EPDS points                   | 31        | skal ligge mellem 0 og 30 EPDS-point. Der står 31.
            gestational week              | 46        | skal ligge mellem 0 og 45 graviditetsuger. Der står 46.
            months                        | -1        | skal ligge mellem 0 og 240 måneder. Der står -1.
            """)
    void aValueOfTheWrongKindOrOutOfRangeIsExplainedInDanishWithTheUnitInDanish(String unit, String value,
            String danish) {
        String english = checked(unit, value);

        String plain = ProblemMessages.plain(english, DANISH, messages());

        assertThat(plain).startsWith("Parameteren escalation.someCutoff: værdien fra 2020-01-01 skal ")
                .contains(danish)
                .as("no English unit name in the Danish message").doesNotContain(unit);
        assertThat(ProblemMessages.plain(english, Locale.ENGLISH, messages())).as("English stays the check's own")
                .isEqualTo(english).contains(unit);
    }
}
