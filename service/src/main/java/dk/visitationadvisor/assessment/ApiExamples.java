package dk.visitationadvisor.assessment;

/** Example requests shown in the OpenAPI description. */
public final class ApiExamples {

    public static final String PREGNANT_MOTHER = """
            {
              "caseRef": "K-2026-0042",
              "assessmentDate": "2026-11-22",
              "pregnancy": { "gestationalWeek": 24 },
              "child": null,
              "olderSiblings": 1,
              "parents": [
                {
                  "role": "MOTHER",
                  "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
                  "substanceUse": "NONE",
                  "wantsSubstanceTreatment": null,
                  "retentionAgreement": false,
                  "mentalIllness": "MILD_MODERATE",
                  "cognitiveFunction": "NORMAL"
                }
              ],
              "concern": {
                "level": "SIGNIFICANT",
                "childSafetyConcern": true,
                "doubtAboutParentingCapacity": true,
                "placementNecessary": false
              },
              "consent": true,
              "housing": "STABLE",
              "network": "LIMITED"
            }
            """;

    private ApiExamples() {
    }
}
