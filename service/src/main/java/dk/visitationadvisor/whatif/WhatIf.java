package dk.visitationadvisor.whatif;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.assessment.AssessmentService.Trial;
import dk.visitationadvisor.casehistory.StoredAssessment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What would change the outcome, added to an answer when the caller asks: the missing facts ranked by
 * consequence, and counterfactuals. Both are bounded: at most {@link #RANKING_BUDGET} and
 * {@link #COUNTERFACTUAL_BUDGET} evaluations and time; an analysis that ran out says so ({@code cutShort}).
 */
@Service
public class WhatIf {

    /** Ranking: one evaluation per value tried; a family with 10 missing facts takes about 30. */
    static final Budget RANKING_BUDGET = new Budget(100, Duration.ofMillis(1500));
    /** Counterfactuals: each single change, then pairs for what no single change brings about. */
    static final Budget COUNTERFACTUAL_BUDGET = new Budget(400, Duration.ofMillis(3000));

    private final AssessmentService assessments;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Budget ranking;
    private final Budget counterfactual;

    @Autowired
    public WhatIf(AssessmentService assessments, MessageSource messages, JsonMapper json) {
        this(assessments, messages, json, RANKING_BUDGET, COUNTERFACTUAL_BUDGET);
    }

    private WhatIf(AssessmentService assessments, MessageSource messages, JsonMapper json, Budget ranking,
            Budget counterfactual) {
        this.assessments = assessments;
        this.messages = messages;
        this.json = json;
        this.ranking = ranking;
        this.counterfactual = counterfactual;
    }

    /**
     * A what-if analysis outside the application (scenario runner, benchmark), with the service's texts from
     * the same message files. Bounded by the number of evaluations only, not by time, so that its answers do
     * not depend on how fast the machine is (a scenario's expectations must hold on a cold JVM too).
     */
    public static WhatIf standalone(AssessmentService assessments, JsonMapper json) {
        Duration untimed = Duration.ofHours(1);
        return new WhatIf(assessments, bundledMessages(), json,
                new Budget(RANKING_BUDGET.maxEvaluations(), untimed),
                new Budget(COUNTERFACTUAL_BUDGET.maxEvaluations(), untimed));
    }

    /** The message files the application reads (spring.messages.basename), read the same way. */
    static MessageSource bundledMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "caseworker", "whatif");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** What the caller asked for. */
    public record Asked(boolean rankMissing, boolean counterfactuals) {

        public static final Asked NOTHING = new Asked(false, false);

        boolean anything() {
            return rankMissing || counterfactuals;
        }
    }

    /**
     * The additions to a family's answer that the caller asked for; the identity when none.
     *
     * @param withHistory against the case's previous assessment, as the answer is
     */
    public UnaryOperator<AssessmentResponse> additions(AssessmentRequest request, Locale locale, boolean withHistory,
            Asked asked) {
        return additions(request, locale, () -> assessments.trial(request, withHistory), asked);
    }

    /**
     * The additions to a stored assessment's family, tried on its date against what it was compared with, as
     * {@link AssessmentService#preview(StoredAssessment, Locale, UnaryOperator)} answers it: for the
     * caseworker's result page, on request.
     */
    public UnaryOperator<AssessmentResponse> additions(StoredAssessment stored, Locale locale, Asked asked) {
        return additions(json.readValue(stored.requestJson(), AssessmentRequest.class), locale,
                () -> assessments.trial(stored), asked);
    }

    private UnaryOperator<AssessmentResponse> additions(AssessmentRequest request, Locale locale,
            Supplier<Trial> trials, Asked asked) {
        if (!asked.anything()) {
            return UnaryOperator.identity();
        }
        return response -> {
            Trial trial = trials.get();
            Texts texts = new Texts(messages, locale);
            AssessmentResponse added = response;
            if (asked.rankMissing()) {
                added = added.withRankedMissingInformation(MissingFactRanking.rank(request,
                        response.missingInformation(), trial, ranking, json, texts));
            }
            if (asked.counterfactuals()) {
                added = added.withCounterfactuals(CounterfactualSearch.search(request, trial, counterfactual,
                        json, texts));
            }
            return added;
        };
    }
}
