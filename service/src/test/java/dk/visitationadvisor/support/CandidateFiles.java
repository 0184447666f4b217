package dk.visitationadvisor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Candidate rule sets as authors send them to the API: changed files on top of the live set. */
public final class CandidateFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two rules that keep each other firing: within the allowed subset, and stopped by the engine's limit. */
    public static final String LOOPING = """
            package rules.loop;
            import dk.visitationadvisor.facts.*;

            rule "LOOP-START: an unknown fact"
                @code("LOOP") @programme("FAMILY_PLACEMENT") @kind("CLASSIFICATION") @source("fa-target-group-age")
                @text_da("Løkke.") @text_en("Loop.")
                ruleflow-group "classify"
            when
                $day : AssessmentDay()
            then
                insert( UnknownRiskFact.of( Programme.FAMILY_PLACEMENT, "loop" ) );
            end

            rule "LOOP-AGAIN: and another for every one"
                @code("LOOP") @programme("FAMILY_PLACEMENT") @kind("CLASSIFICATION") @source("fa-target-group-age")
                @text_da("Løkke.") @text_en("Loop.")
                ruleflow-group "classify"
            when
                $unknown : UnknownRiskFact( path == "loop" )
            then
                insert( UnknownRiskFact.of( $unknown.programme(), $unknown.path() ) );
            end
            """;

    private CandidateFiles() {
    }

    /** A file of the repository's rules, as it is. */
    public static String read(String file) {
        try {
            return Files.readString(RuleDirectories.RULES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's parameters.yaml with one value changed, failing when the text is not there. */
    public static String parametersWith(String text, String replacement) {
        String parameters = read("parameters.yaml");
        if (!parameters.contains(text)) {
            throw new IllegalArgumentException("parameters.yaml does not contain: " + text);
        }
        return parameters.replace(text, replacement);
    }

    /** The intensive infant programme asking for three risk factors instead of two. */
    public static String threeRiskFactorsForIntensiveInfant() {
        String changed = read("parameters.yaml").replaceFirst(
                "(?<head>intensiveInfant\\.minimumRiskFactors:(?:\\n .*)*\\n    2020-01-01: )2\\n", "${head}3\n");
        if (changed.equals(read("parameters.yaml"))) {
            throw new IllegalStateException("parameters.yaml no longer has intensiveInfant.minimumRiskFactors at 2");
        }
        return changed;
    }

    /** {@code {"files": {...}}}: these files changed, the rest as live. */
    public static String changing(Map<String, String> files) {
        return JSON.writeValueAsString(Map.of("files", files));
    }

    /** An activation request for a candidate. */
    public static String activating(String reason, Map<String, String> files) {
        return JSON.writeValueAsString(Map.of("reason", reason, "candidate", Map.of("files", files)));
    }

    /** Every file of a rules directory, by path, as the command line sends it. */
    public static Map<String, String> all(Path rules) {
        try (var paths = Files.walk(rules)) {
            return paths.filter(Files::isRegularFile)
                    .collect(java.util.stream.Collectors.toMap(
                            p -> rules.relativize(p).toString().replace('\\', '/'), p -> {
                                try {
                                    return Files.readString(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
