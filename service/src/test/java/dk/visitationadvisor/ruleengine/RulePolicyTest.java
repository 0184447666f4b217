package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.support.RuleDirectories;
import dk.visitationadvisor.facts.Child;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.RuleKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule file is checked against the allowed subset before anything compiles: code in an annotation, a
 * consequence, a function, an import or an eval is refused with file and line, and never runs.
 */
class RulePolicyTest {

    private static final RuleFiles LIVE = RuleFiles.fromDirectory(RuleDirectories.RULES);

    @TempDir
    Path temp;

    /** A rule with every metadata it needs, its parts replaceable by a test. */
    private static String rule(String header, String annotation, String when, String then) {
        return """
                package rules.attack;
                import dk.visitationadvisor.facts.*;
                import java.util.List;
                %s
                global Parameters params;

                rule "ATTACK: a rule that looks ordinary"
                    @code("FA-IN-AGE") @programme("FAMILY_PLACEMENT") %s @source("fa-target-group-age")
                    @text_da("Tekst.") @text_en("Text.")
                    ruleflow-group "criteria"
                when
                    %s
                then
                    %s
                end
                """.formatted(header, annotation, when, then);
    }

    private static String ordinary(String marker) {
        return rule("", "@kind(\"INCLUSION\")", "$child : Child( ageInMonths != null )",
                "insert( Finding.met( $child.fact( \"birthDate\" ) ) );").replace("MARKER", marker);
    }

    private static String attack(String kind, String marker) {
        String write = "new java.io.File(\"" + marker + "\").createNewFile()";
        return switch (kind) {
            case "annotation" -> rule("", "@kind(" + write + " ? \"INCLUSION\" : \"INCLUSION\")",
                    "$child : Child()", "insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
            case "consequence" -> rule("", "@kind(\"INCLUSION\")", "$child : Child()", write + ";");
            case "function" -> rule("function boolean touch() { return " + write + "; }", "@kind(\"INCLUSION\")",
                    "$child : Child()", "insert( Finding.met( touch() ) );");
            case "import" -> rule("import java.io.File;", "@kind(\"INCLUSION\")", "$child : Child()",
                    "insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
            case "eval" -> rule("", "@kind(\"INCLUSION\")", "$child : Child()\n    eval( " + write + " )",
                    "insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
            case "condition" -> rule("", "@kind(\"INCLUSION\")", "$child : Child( " + write + " )",
                    "insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
            case "argument" -> rule("", "@kind(\"INCLUSION\")", "$child : Child()",
                    "insert( Finding.met( " + write + " ) );");
            case "unicode" -> rule("", "@kind(\"INCLUSION\")", "$child : Child()",
                    "insert( Finding.met( \"\\u0022 + " + write.replace("\"", "\\\"") + " + \\u0022\" ) );");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(part);
    }

    private static RuleFiles liveWith(String file, String content) {
        Map<String, String> files = new TreeMap<>(LIVE.contents());
        files.put(file, content);
        return new RuleFiles("candidate", files);
    }

    @Test
    void theLiveRulesKeepToTheAllowedSubset() {
        assertThat(RulePolicy.check(LIVE.drlFiles())).isEmpty();
    }

    @Test
    void anOrdinaryRuleInTheSubsetPasses() {
        assertThat(RulePolicy.check(Map.of("attack.drl", ordinary("x")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"annotation", "consequence", "function", "import", "eval", "condition", "argument",
            "unicode"})
    void codeInARuleFileIsRefusedBeforeCompilationWithFileAndLineAndNeverRuns(String kind) {
        Path marker = temp.resolve("ran-" + kind);
        String attack = attack(kind, marker.toString().replace('\\', '/'));
        int line = lineOf(attack, switch (kind) {
            case "annotation" -> "@kind(";
            case "function" -> "function boolean";
            case "import" -> "import java.io.File";
            case "eval" -> "eval(";
            case "condition" -> "Child( new";
            case "unicode" -> "\\u0022";
            default -> "createNewFile()";
        });

        assertThatThrownBy(() -> RuleSetBuilder.build(liveWith("family-placement/attack.drl", attack)))
                .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("family-placement/attack.drl");
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.message()).contains("(da: ");
                        }));
        assertThat(marker).doesNotExist();
    }

    @Test
    void theAttackIsRealTheCompilerAloneRunsAnAnnotationsCode() {
        // What the check prevents: given to the compiler, the annotation's code runs while it compiles.
        Path marker = temp.resolve("compiled");
        try {
            RuleSetCompiler.compile(Map.of("attack.drl", attack("annotation", marker.toString().replace('\\', '/'))));
        } catch (RuleSetException ignored) {
            // whether it compiles does not matter: the code has run by then
        }
        assertThat(marker).exists();
    }

    @Test
    void aRuleThatLeavesTheSubsetIsRefusedEvenWhenItWouldCompile() {
        String outside = rule("", "@kind(\"INCLUSION\")", "$child : Child( this.toString() != null )",
                "insert( Finding.met( $child.fact( \"birthDate\" ) ) );");
        assertThat(RulePolicy.check(Map.of("x.drl", outside)))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("toString"));
    }

    @Test
    void declareQueryGlobalsAndExpressionAttributesAreRefused() {
        String text = """
                package rules.x;
                import dk.visitationadvisor.facts.*;
                global java.util.Map store;
                declare Secret value : String end
                query everything() Child() end
                rule "A" @code("A") enabled ( true ) ruleflow-group "criteria"
                when
                    $c : Child()
                then
                    insert( Finding.met() );
                end
                """;
        assertThat(RulePolicy.check(Map.of("x.drl", text))).extracting(RuleSetProblem::line)
                .contains(3, 4, 5, 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kcontext", "drools"})
    void theEngineIsNotWrittenInARuleAndTheRefusalSaysWhatToWriteInDanishAndEnglish(String name) {
        String text = rule("", "@kind(\"INCLUSION\")", "$child : Child()",
                "insert( Finding.met( " + name + ", $child.fact( \"birthDate\" ) ) );");
        assertThat(RulePolicy.check(Map.of("x.drl", text))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(text, "insert("));
            assertThat(p.message()).contains(name + " is not written in a rule", "insert( Finding.met( $child",
                    "(da: " + name + " skrives ikke i en regel");
        });
    }

    @Test
    void aRuleWithoutTheEngineStillGivesItsMetadataToItsResult() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        Evaluation evaluation = new RuleEngine(RuleSetBuilder.build(
                liveWith("family-placement/inclusion-ordinary.drl", ordinary("x"))))
                .evaluate(List.of(Child.bornOn(today.minusMonths(3), null, today)), today);

        assertThat(evaluation.findings()).filteredOn(f -> f.rule().equals("ATTACK: a rule that looks ordinary"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("FA-IN-AGE");
                    assertThat(f.programme()).isEqualTo(Programme.FAMILY_PLACEMENT);
                    assertThat(f.kind()).isEqualTo(RuleKind.INCLUSION);
                    assertThat(f.outcome()).isEqualTo(Outcome.MET);
                });
    }

    @Test
    void theFactModelIsWhatTheDocumentationNames() throws Exception {
        String doc = Files.readString(RuleDirectories.RULES.resolve("../docs/rule-language.md"));
        RulePolicy.RESULT_CALLS.forEach(call -> assertThat(doc).contains(call));
        RulePolicy.METHODS.forEach(method -> assertThat(doc).contains(method));
        RulePolicy.ACCUMULATE_FUNCTIONS.forEach(function -> assertThat(doc).contains(function));
    }
}
