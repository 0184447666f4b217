package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AnswerAdditions;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.assessment.AssessmentService.Trial;
import dk.visitationadvisor.casehistory.StoredAssessment;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What would change the outcome, added to an answer when the caller asks: the missing facts ranked by
 * consequence, and counterfactuals. Both are bounded by {@link WhatIfLimits} in evaluations and time; an
 * analysis that ran out says so ({@code cutShort}).
 */
@Service
public class WhatIf implements AnswerAdditions {

    private final AssessmentService assessments;
    private final MessageSource messages;
    private final JsonMapper json;
    private final WhatIfLimits limits;

    public WhatIf(AssessmentService assessments, MessageSource messages, JsonMapper json, WhatIfLimits limits) {
        this.assessments = assessments;
        this.messages = messages;
        this.json = json;
        this.limits = limits;
    }

    /**
     * A what-if analysis outside the application (scenario runner, benchmark), with the service's texts from
     * the same message files, bounded by the default numbers of evaluations but not by time.
     */
    public static WhatIf standalone(AssessmentService assessments, JsonMapper json) {
        return new WhatIf(assessments, bundledMessages(), json, WhatIfLimits.defaults().untimed());
    }

    /** The message files the application reads (spring.messages.basename), read the same way. */
    static MessageSource bundledMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "caseworker", "whatif");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public UnaryOperator<AssessmentResponse> additions(AssessmentRequest request, Locale locale, boolean withHistory,
            Asked asked) {
        return additions(request, locale, () -> assessments.trial(request, withHistory), asked);
    }

    @Override
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
                        response.missingInformation(), trial, limits.ranking(), json, texts));
            }
            if (asked.counterfactuals()) {
                added = added.withCounterfactuals(CounterfactualSearch.search(request, trial, limits.counterfactual(),
                        json, texts));
            }
            return added;
        };
    }
}
