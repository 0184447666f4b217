package dk.visitationadvisor.security;

import java.util.Optional;

/**
 * The case an assessment belongs to, which the access audit records for a route that names only the
 * assessment. The case history answers it; security names no feature, so that the features' endpoints
 * may use its audit without a cycle.
 */
public interface AssessmentCases {

    Optional<String> caseRefOf(String assessmentId);
}
