package dk.visitationadvisor.overridereview;

import dk.visitationadvisor.casehistory.Decision;
import dk.visitationadvisor.casehistory.DecisionRequest.DecidedProgramme;
import dk.visitationadvisor.casehistory.DecisionRequest.DecisionOutcome;
import dk.visitationadvisor.casehistory.Decisions;
import dk.visitationadvisor.casehistory.Decisions.DecidedAnswer;
import dk.visitationadvisor.overridereview.OverrideReport.OverrideReason;
import dk.visitationadvisor.overridereview.OverrideReport.RecommendationOverrides;
import dk.visitationadvisor.overridereview.OverrideReport.RuleOverrides;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the override review from the recorded decisions: per rule, the share of the decided cases it
 * decided in which the caseworker overrode it; per recommendation, the share overridden and what was
 * decided instead. The flag share and the minimum number of cases are settings
 * ({@code advisor.override-review.flag-share}, {@code advisor.override-review.minimum-cases}).
 */
@Service
public class OverrideReview {

    private final Decisions decisions;
    private final JsonMapper json;
    private final double flagShare;
    private final int minimumCases;

    public OverrideReview(Decisions decisions, JsonMapper json,
            @Value("${advisor.override-review.flag-share:0.25}") double flagShare,
            @Value("${advisor.override-review.minimum-cases:3}") int minimumCases) {
        this.decisions = decisions;
        this.json = json;
        this.flagShare = flagShare;
        this.minimumCases = minimumCases;
    }

    /** The review, and how many cases it read (for the access audit). */
    public record Review(OverrideReport report, long casesRead) {
    }

    /**
     * The decisions recorded from {@code from} to {@code to}, both days included (UTC).
     *
     * @param withCases whether the reasons name their case and assessment: only for a caller who may read cases
     */
    public Review review(LocalDate from, LocalDate to, boolean withCases) {
        List<DecidedAnswer> decided = decisions.decidedBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long cases = decided.stream().map(DecidedAnswer::caseRef).distinct().count();
        return new Review(report(from, to, decided, withCases), cases);
    }

    OverrideReport report(LocalDate from, LocalDate to, List<DecidedAnswer> decided, boolean withCases) {
        Map<String, Tally> rules = new TreeMap<>();
        Map<String, Tally> recommendations = new TreeMap<>();
        int overrides = 0;
        for (DecidedAnswer answer : decided) {
            Decision decision = answer.decision();
            boolean overridden = DecisionOutcome.OVERRIDDEN.name().equals(decision.outcome());
            overrides += overridden ? 1 : 0;
            OverrideReason reason = overridden ? new OverrideReason(decision.reason(), decision.decidedProgramme(),
                    decision.decidedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                    withCases ? answer.caseRef() : null, withCases ? decision.assessmentId() : null) : null;
            JsonNode response = json.readTree(answer.responseJson());
            Set<String> deciding = decidingCodes(response);
            deciding.addAll(decision.wentAgainst());
            for (String code : deciding) {
                rules.computeIfAbsent(code, c -> new Tally()).add(decision.wentAgainst().contains(code) ? reason : null);
            }
            String recommended = response.path("recommendedProgramme").asString("NONE");
            Tally tally = recommendations.computeIfAbsent(recommended.isEmpty() ? "NONE" : recommended, r -> new Tally());
            tally.add(reason);
            if (overridden) {
                tally.decidedInstead.merge(decision.decidedProgramme(), 1, Integer::sum);
            }
        }
        List<RuleOverrides> ruleRows = rules.entrySet().stream()
                .map(e -> new RuleOverrides(e.getKey(), e.getValue().cases, e.getValue().reasons.size(),
                        e.getValue().share(), e.getValue().cases >= minimumCases && e.getValue().share() > flagShare,
                        List.copyOf(e.getValue().reasons)))
                .sorted(Comparator.comparingDouble(RuleOverrides::share).reversed()
                        .thenComparing(Comparator.comparingInt(RuleOverrides::cases).reversed())
                        .thenComparing(RuleOverrides::code))
                .toList();
        List<RecommendationOverrides> recommendationRows = recommendations.entrySet().stream()
                .map(e -> new RecommendationOverrides(e.getKey(), e.getValue().cases, e.getValue().reasons.size(),
                        e.getValue().share(), Map.copyOf(e.getValue().decidedInstead), List.copyOf(e.getValue().reasons)))
                .toList();
        return new OverrideReport(from, to, flagShare, minimumCases, decided.size(), overrides, ruleRows,
                recommendationRows);
    }

    /**
     * The codes that decided an answer: the reasons for its recommendation, and each programme's inclusion
     * criteria not met and exclusions met. An override goes against these (see {@link Decisions}).
     */
    static Set<String> decidingCodes(JsonNode response) {
        Set<String> codes = new LinkedHashSet<>();
        for (DecidedProgramme programme : DecidedProgramme.values()) {
            codes.addAll(Decisions.wentAgainst(response, programme));
        }
        return codes;
    }

    /** Cases counted, and the overrides among them with their reasons. */
    private static final class Tally {

        int cases;
        final List<OverrideReason> reasons = new ArrayList<>();
        final Map<String, Integer> decidedInstead = new TreeMap<>();

        void add(OverrideReason override) {
            cases++;
            if (override != null) {
                reasons.add(override);
            }
        }

        double share() {
            return cases == 0 ? 0 : Math.round(1000.0 * reasons.size() / cases) / 1000.0;
        }
    }
}
