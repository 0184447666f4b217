package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One assessment as stored: who asked and when, the rule set that answered, the facts later
 * assessments compare with, and the request and response exactly as sent and answered.
 */
public record StoredAssessment(String id, String caseRef, LocalDate assessmentDate, String rulesetVersion,
        String requestedBy, Instant requestedAt, String concernLevel, Integer ors, String orsRater,
        String requestJson, String responseJson) {
}
