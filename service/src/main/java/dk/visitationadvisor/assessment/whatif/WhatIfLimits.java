package dk.visitationadvisor.assessment.whatif;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one what-if analysis may spend (advisor.what-if.*): a setting of the deployment, not of the
 * rules, since what a second buys depends on the machine. An analysis that runs out says so
 * ({@code cutShort}) and keeps what it found.
 *
 * @param rankingEvaluations at most so many evaluations to rank the missing facts (one per value tried;
 *     a family with 10 missing facts takes about 30)
 * @param rankingTime and at most so long
 * @param counterfactualEvaluations at most so many evaluations to look for counterfactuals (each single
 *     change, then pairs for what no single change brings about)
 * @param counterfactualTime and at most so long
 */
@ConfigurationProperties("advisor.what-if")
public record WhatIfLimits(
        @DefaultValue("100") int rankingEvaluations,
        @DefaultValue("1500ms") Duration rankingTime,
        @DefaultValue("400") int counterfactualEvaluations,
        @DefaultValue("3s") Duration counterfactualTime) {

    Budget ranking() {
        return new Budget(rankingEvaluations, rankingTime);
    }

    Budget counterfactual() {
        return new Budget(counterfactualEvaluations, counterfactualTime);
    }

    /**
     * The same numbers of evaluations without a time limit: for the scenario runner and the benchmark, whose
     * answers must not depend on how fast the machine is (a scenario's expectations hold on a cold JVM too).
     */
    WhatIfLimits untimed() {
        Duration untimed = Duration.ofHours(1);
        return new WhatIfLimits(rankingEvaluations, untimed, counterfactualEvaluations, untimed);
    }

    /** The defaults above, for what runs outside the application. */
    static WhatIfLimits defaults() {
        return new WhatIfLimits(100, Duration.ofMillis(1500), 400, Duration.ofSeconds(3));
    }
}
