package dk.visitationadvisor.caseworker;

import static org.assertj.core.api.Assertions.assertThat;

import dk.visitationadvisor.assessment.Families;
import dk.visitationadvisor.caseworker.FormField.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FamilyFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode request(Map<String, List<String>> entered) {
        return FamilyForm.submitted(entered).toRequest(code -> code);
    }

    private static Map<String, List<String>> entered(String... pairs) {
        Map<String, List<String>> entered = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entered.computeIfAbsent(pairs[i], name -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return entered;
    }

    @Test
    void asksForEveryFieldOfTheRequest() {
        Set<String> asked = FamilyForm.fields().filter(f -> f.kind() != Kind.PRESENCE).map(FormField::key)
                .collect(Collectors.toSet());
        Set<String> requested = RequestFields.all().stream().map(RequestFields.Leaf::key).collect(Collectors.toSet());
        assertThat(asked).isEqualTo(requested);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caseworker.properties", "caseworker_da.properties"})
    void labelsEveryFieldAndEveryChoiceInBothLanguages(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        FamilyForm.fields().forEach(field -> {
            assertThat(texts).as("label of " + field.key()).containsKey("field." + field.key());
            if (field.kind() == Kind.CHOICE || field.kind() == Kind.FACTORS) {
                field.choices().forEach(choice -> assertThat(texts).as("label of " + field.key() + " " + choice)
                        .containsKey("value." + field.choiceType() + "." + choice));
            }
        });
    }

    @Test
    void leavesOutWhatIsUnknownAndTakesNoAsFalse() {
        ObjectNode request = request(entered("caseRef", "K-1", "assessmentDate", "", "pregnancy", "false",
                "child", "false", "consent", "false", "housing", "", "concern.childSafetyConcern", "",
                "parents[0].role", "", "parents[0].riskFactorsKnown", "", "measurements.epds", ""));
        assertThat(request.toString()).isEqualTo("{\"caseRef\":\"K-1\",\"consent\":false}");
    }

    @Test
    void takesFactorsLookedIntoWithoutATickAsNone() {
        assertThat(request(entered("parents[0].riskFactorsKnown", "true")).at("/parents/0/riskFactors").toString())
                .isEqualTo("[]");
        assertThat(request(entered("parents[0].riskFactors", "CRIMINALITY")).at("/parents/0/riskFactors").toString())
                .isEqualTo("[\"CRIMINALITY\"]");
    }

    @Test
    void sendsAPregnancyWhenAskedEvenWithoutItsWeek() {
        assertThat(request(entered("pregnancy", "true")).get("pregnancy").toString()).isEqualTo("{}");
        assertThat(request(entered("pregnancy", "true", "pregnancy.gestationalWeek", "24")).get("pregnancy").toString())
                .isEqualTo("{\"gestationalWeek\":24}");
    }

    @Test
    void putsAMessageByAValueUnderAPregnancyAnsweredNo() {
        FamilyForm form = FamilyForm.submitted(entered("pregnancy", "false", "pregnancy.gestationalWeek", "24"));
        assertThat(form.toRequest(code -> code).has("pregnancy")).isFalse();
        assertThat(form.errors("pregnancy.gestationalWeek")).containsExactly("form.onlyWhen.pregnancy");
    }

    @Test
    void passesTextThatIsNotAWholeNumberOnForTheReaderToRefuse() {
        assertThat(request(entered("olderSiblings", "two")).get("olderSiblings").asString()).isEqualTo("two");
    }

    @Test
    void sendsOnlyTheParentsDescribedAndPutsTheirMessagesBackByTheFormsParent() {
        FamilyForm form = FamilyForm.submitted(entered("parents[1].role", "FATHER"));
        ObjectNode request = form.toRequest(code -> code);
        assertThat(request.get("parents").toString()).isEqualTo("[{\"role\":\"FATHER\"}]");
        form.reject("parents[0].riskFactors[1]", "must be one of […]");
        assertThat(form.errors("parents[1].riskFactors")).containsExactly("must be one of […]");
        assertThat(form.errors("parents[0].riskFactors")).isEmpty();
    }

    @Test
    void putsAMessageForNoFieldAtTheTop() {
        FamilyForm form = FamilyForm.blank(TODAY);
        form.reject("", "must be a JSON object");
        assertThat(form.otherErrors()).containsExactly("must be a JSON object");
        assertThat(form.hasErrors()).isTrue();
    }

    @Test
    void fillsTheFormFromAStoredRequestSoThatTheSameRequestComesBack() {
        ObjectNode original = (ObjectNode) JSON.valueToTree(Families.PREGNANT_MOTHER);
        FamilyForm form = FamilyForm.prefilled(original, TODAY, TODAY.plusDays(30));
        assertThat(form.value("assessmentDate")).isEqualTo(TODAY.plusDays(30).toString());
        ObjectNode again = form.toRequest(code -> code);
        again.remove("assessmentDate");
        original.remove("assessmentDate");
        ObjectNode expected = (ObjectNode) withoutNulls(original);
        int week = original.at("/pregnancy/gestationalWeek").asInt();
        ((ObjectNode) expected.get("pregnancy")).put("gestationalWeek", week + 4);
        expected.remove("measurements");
        assertThat(form.counted("pregnancy.gestationalWeek")).isTrue();
        assertThat(again).as("the week counted on 30 days, the scores asked again").isEqualTo(expected);
    }

    @Test
    void asksAgainWhetherTheChildIsBornOnceThePregnancyMayHaveEnded() {
        ObjectNode original = (ObjectNode) JSON.valueToTree(Families.PREGNANT_MOTHER);
        int week = original.at("/pregnancy/gestationalWeek").asInt();
        FamilyForm form = FamilyForm.prefilled(original, TODAY,
                TODAY.plusWeeks(FamilyForm.TERM_WEEK - week));
        assertThat(form.value("pregnancy")).isEmpty();
        assertThat(form.value("child")).isEmpty();
        assertThat(form.value("pregnancy.gestationalWeek")).isEmpty();
    }

    @Test
    void leavesWhetherTheFamilyIsExpectingUnansweredAndAsksForIt() {
        FamilyForm form = FamilyForm.blank(TODAY);
        assertThat(form.chosen("pregnancy", "true")).isFalse();
        assertThat(form.chosen("pregnancy", "false")).isFalse();
        assertThat(form.chosen("child", "false")).isFalse();
        form.toRequest(code -> code);
        assertThat(form.errors("pregnancy")).containsExactly("form.answer.pregnancy");
        assertThat(form.errors("child")).containsExactly("form.answer.child");
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(p -> {
                if (!p.getValue().isNull()) {
                    copy.set(p.getKey(), withoutNulls(p.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    @Test
    void putsEverySectionInOneOfTheStepsAndEveryStepHasASection() {
        FamilyForm form = FamilyForm.submitted(Map.of());
        assertThat(form.steps()).containsExactly("family", "parents", "concern", "course", "measurements");
        assertThat(form.sections()).allSatisfy(section -> assertThat(form.steps()).contains(form.step(section)));
        assertThat(form.sections().stream().map(form::step).distinct().toList()).isEqualTo(form.steps());
    }
}
