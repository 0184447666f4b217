package dk.visitationadvisor.assessment;

import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.support.AssessmentLoad;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Families the tests and benchmarks share, written as the API's JSON: a field added to the request is
 * unknown here until a test needs it, and these families need no edit for it.
 */
public final class Families {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The contract's example: pregnant at week 24, two risk factors for each programme, eligible for both. */
    public static final AssessmentRequest PREGNANT_MOTHER = JSON.treeToValue(
            ((ObjectNode) JSON.readTree(AssessmentLoad.family("K-2026-0042")))
                    .put("assessmentDate", "2026-11-22").put("olderSiblings", 1), AssessmentRequest.class);

    /**
     * The most a family can give the rules: pregnant again with a 4-month-old in the intensive infant
     * programme, two parents with every risk factor and the worst levels, acute concern, every
     * measurement (the ORS falling against the previous assessment). With a long case history behind
     * it, it is the benchmarks' worst case.
     */
    public static final AssessmentRequest WORST_CASE = read("""
            {"caseRef": "K-2026-WORST", "assessmentDate": "2026-11-22", "pregnancy": {"gestationalWeek": 12},
             "child": {"birthDate": "2026-07-20", "growthOnTrack": false}, "olderSiblings": 3,
             "parents": [%s, %s],
             "concern": {"level": "ACUTE", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                         "placementNecessary": true},
             "consent": false, "housing": "UNSTABLE", "network": "NONE",
             "course": {"programme": "INTENSIVE_INFANT", "startDate": "2026-05-01", "phase": "INTENSIVE_POSTNATAL",
                        "phaseStartDate": "2026-07-25", "statusLetterSent": true},
             "measurements": {"epds": 22, "epdsSelfHarm": 2, "epdsRespondent": "MOTHER", "adbb": 14, "ors": 18,
                              "orsRater": "STAFF", "srs": 20, "careIndexSensitivity": 4, "asqse2": 120,
                              "asqse2IntervalMonths": 6, "missedContacts": 9}}
            """.formatted(worstParent("MOTHER"), worstParent("FATHER")));

    private static String worstParent(String role) {
        return """
                {"role": "%s", "riskFactors": %s, "substanceUse": "ACTIVE_NO_TREATMENT",
                 "wantsSubstanceTreatment": false, "retentionAgreement": false, "mentalIllness": "SEVERE",
                 "cognitiveFunction": "REDUCED"}
                """.formatted(role, JSON.writeValueAsString(
                        RiskFactorType.values()));
    }

    private static AssessmentRequest read(String json) {
        return JSON.readValue(json, AssessmentRequest.class);
    }

    private Families() {
    }
}
