package dk.visitationadvisor.support;

/** Request bodies the HTTP tests share. */
public final class FamilyJson {

    private FamilyJson() {
    }

    /** A pregnant mother in the intensive infant programme, with the given case, date and concern level. */
    public static String inCourse(String caseRef, String date, String level) {
        return """
                {"caseRef": "%s", "assessmentDate": "%s", "pregnancy": {"gestationalWeek": 24},
                 "parents": [{"role": "MOTHER", "riskFactors": ["CHILDHOOD_TRAUMA"], "substanceUse": "NONE",
                              "retentionAgreement": false, "mentalIllness": "MILD_MODERATE", "cognitiveFunction": "NORMAL"}],
                 "concern": {"level": "%s", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
                             "placementNecessary": false},
                 "consent": true, "housing": "STABLE", "network": "SUPPORTIVE",
                 "course": {"programme": "INTENSIVE_INFANT", "phase": "PRENATAL", "statusLetterSent": false}}
                """.formatted(caseRef, date, level);
    }
}
