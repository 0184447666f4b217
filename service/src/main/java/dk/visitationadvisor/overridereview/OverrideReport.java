package dk.visitationadvisor.overridereview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How often the recorded decisions of a period overrode the recommendation, per rule and per
 * recommendation, with the reasons given.
 *
 * @param from the first day of the period
 * @param to the last day of the period
 * @param flagShare a rule overridden in more than this share of its cases is flagged
 * @param minimumCases a rule is flagged only when it was in at least this many decided cases
 * @param decisions how many decisions were recorded in the period
 * @param overrides how many of them overrode the recommendation
 * @param rules each rule that decided an answer in the period, the most overridden share first
 * @param recommendations each recommendation (a programme, or {@code NONE}), with how often it was overridden
 */
public record OverrideReport(LocalDate from, LocalDate to, double flagShare, int minimumCases, int decisions,
        int overrides, List<RuleOverrides> rules, List<RecommendationOverrides> recommendations) {

    /**
     * One rule: in how many decided cases it decided the answer (a reason for the recommendation, an
     * inclusion criterion not met or an exclusion met), how many of them overrode it, and why.
     *
     * @param flagged overridden in more than the flag share of at least the minimum number of cases
     */
    public record RuleOverrides(String code, int cases, int overrides, double share, boolean flagged,
            List<OverrideReason> reasons) {
    }

    /**
     * One recommendation: how many decisions followed or overrode it, and what was decided instead.
     *
     * @param recommended a programme, or {@code NONE} when nothing was recommended
     * @param decidedInstead per programme (or {@code NONE}) decided in an override, how often
     */
    public record RecommendationOverrides(String recommended, int decisions, int overrides, double share,
            Map<String, Integer> decidedInstead, List<OverrideReason> reasons) {
    }

    /**
     * An override's reason, as the caseworker gave it, and what was decided. The case and the assessment
     * (pseudonymous) only for a caller who may read cases; absent otherwise.
     */
    public record OverrideReason(String reason, String decidedProgramme, LocalDate decidedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String caseRef,
            @JsonInclude(JsonInclude.Include.NON_NULL) String assessmentId) {
    }
}
