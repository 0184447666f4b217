package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.facts.RiskFactorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fact is built from the request's fields of the same name; what does not match is refused, not guessed. */
class FieldsByNameTest {

    /** A part of a request, and the fact taken from it (own types, so that a new request field needs no edit here). */
    public record PersonInput(String name, List<RiskFactorType> riskFactors, Boolean participates) {
    }

    public record Person(int number, String name, List<RiskFactorType> riskFactors, Boolean participates) {
    }

    @Test
    void takesEachFieldFromTheRequestsFieldOfTheSameNameAndTheGivenOnes() {
        List<RiskFactorType> ticked = new ArrayList<>(List.of(RiskFactorType.CHILDHOOD_TRAUMA));

        Person person = FieldsByName.copy(new PersonInput("Mor", ticked, null), PersonInput.class, Person.class,
                Map.of("number", 1));

        assertThat(person).isEqualTo(new Person(1, "Mor", List.of(RiskFactorType.CHILDHOOD_TRAUMA), null));
        ticked.clear();
        assertThat(person.riskFactors()).as("a list is copied, not shared with the request").hasSize(1);
    }

    @Test
    void aPartLeftOutGivesAFactWhoseFieldsAreAllUnknown() {
        assertThat(FieldsByName.copy(null, PersonInput.class, Person.class, Map.of("number", 0)))
                .isEqualTo(new Person(0, null, null, null));
    }

    public record Misnamed(String fullName, List<RiskFactorType> riskFactors, Boolean participates) {
    }

    public record Mistyped(String name, List<String> riskFactors, Boolean participates) {
    }

    @Test
    void aFactFieldWithoutARequestFieldOfItsNameAndTypeIsRefusedWithBothNames() {
        assertThatThrownBy(() -> FieldsByName.copy(null, Misnamed.class, Person.class, Map.of("number", 0)))
                .hasMessage("Person.name needs a field name of type java.lang.String in Misnamed, which has none");
        assertThatThrownBy(() -> FieldsByName.copy(null, Mistyped.class, Person.class, Map.of("number", 0)))
                .hasMessage("Person.riskFactors needs a field riskFactors of type"
                        + " java.util.List<dk.visitationadvisor.facts.RiskFactorType> in Mistyped, which has"
                        + " java.util.List<java.lang.String>");
    }
}
