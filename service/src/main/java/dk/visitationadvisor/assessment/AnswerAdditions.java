package dk.visitationadvisor.assessment;

import dk.visitationadvisor.casehistory.StoredAssessment;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What is added to an answer only when asked for: the what-if analysis (missing facts ranked by
 * consequence, counterfactuals). It lives in {@code assessment.whatif}, which builds on this package;
 * the endpoints here know it by this interface only, so the two packages do not depend on each other
 * both ways.
 */
public interface AnswerAdditions {

    /** What the caller asked for. */
    record Asked(boolean rankMissing, boolean counterfactuals) {

        public static final Asked NOTHING = new Asked(false, false);

        public boolean anything() {
            return rankMissing || counterfactuals;
        }
    }

    /**
     * The additions to a family's answer that the caller asked for; the identity when none.
     *
     * @param withHistory against the case's previous assessment, as the answer is
     */
    UnaryOperator<AssessmentResponse> additions(AssessmentRequest request, Locale locale, boolean withHistory,
            Asked asked);

    /**
     * The additions to a stored assessment's family, tried on its date against what it was compared with, as
     * {@link AssessmentService#preview(StoredAssessment, Locale, UnaryOperator)} answers it: for the
     * caseworker's result page, on request.
     */
    UnaryOperator<AssessmentResponse> additions(StoredAssessment stored, Locale locale, Asked asked);
}
