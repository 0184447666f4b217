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

    /**
     * The loop above made of a rule that joins every three of the facts it makes, and makes one more for each:
     * within the allowed subset, and work (and memory) that grows with the cube of the facts for every family
     * long before the engine's limit of firings is reached. Only a worker's limits stop it.
     */
    public static final String RUNAWAY = LOOPING.substring(0, LOOPING.indexOf("rule \"LOOP-AGAIN"))
            .replace("package rules.loop;", "package rules.runaway;") + """

            rule "LOOP-TRIPLES: one more for every three of them"
                @code("LOOP") @programme("FAMILY_PLACEMENT") @kind("CLASSIFICATION") @source("fa-target-group-age")
                @text_da("Løkke.") @text_en("Loop.")
                ruleflow-group "classify"
            when
                $one : UnknownRiskFact( path == "loop" )
                $other : UnknownRiskFact( path == "loop" )
                $third : UnknownRiskFact( path == "loop" )
            then
                insert( UnknownRiskFact.of( $one.programme(), $other.path() ) );
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

    /** The intensive infant programme's parameter file, which sets its risk-factor threshold. */
    public static final String IS_PARAMETERS = "intensive-infant/parameters.yaml";
    /** The dated value of intensiveInfant.minimumRiskFactors in the repository, as written. */
    public static final String IS_RISK_FACTORS = "    2020-01-01:\n      value: 2\n";

    /** A dated value with its reference, as a parameter file writes it under {@code values:}. */
    public static String datedValue(String date, String value, String source) {
        return "    " + date + ":\n      value: " + value + "\n      reference:\n        source: " + source + "\n";
    }

    /** The repository's intensive-infant/parameters.yaml with one text changed, failing when it is not there. */
    public static String parametersWith(String text, String replacement) {
        String parameters = read(IS_PARAMETERS);
        if (!parameters.contains(text)) {
            throw new IllegalArgumentException(IS_PARAMETERS + " does not contain: " + text);
        }
        return parameters.replaceFirst(java.util.regex.Pattern.quote(text),
                java.util.regex.Matcher.quoteReplacement(replacement));
    }

    /** The intensive infant programme's parameters with intensiveInfant.minimumRiskFactors' value of 2020 replaced. */
    public static String riskFactorsForIntensiveInfant(String replacement) {
        String changed = read(IS_PARAMETERS).replaceFirst(
                "(?<head>intensiveInfant\\.minimumRiskFactors:(?:\\n .*)*?\\n)    2020-01-01:\\n      value: 2\\n"
                        + "      reference:\\n        source: is-target-group-risk\\n(        locator: .*\\n)?",
                "${head}" + java.util.regex.Matcher.quoteReplacement(replacement));
        if (changed.equals(read(IS_PARAMETERS))) {
            throw new IllegalStateException(IS_PARAMETERS + " no longer has intensiveInfant.minimumRiskFactors at 2");
        }
        return changed;
    }

    /** The intensive infant programme asking for three risk factors instead of two. */
    public static String threeRiskFactorsForIntensiveInfant() {
        return riskFactorsForIntensiveInfant(datedValue("2020-01-01", "3", "is-target-group-risk"));
    }

    /** Two risk factors as today, and three from a later date. */
    public static String threeRiskFactorsForIntensiveInfantFrom(String date) {
        return riskFactorsForIntensiveInfant(datedValue("2020-01-01", "2", "is-target-group-risk")
                + datedValue(date, "3", "is-target-group-risk"));
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
