package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.util.List;

/**
 * A recorded decision, with the rule codes an override went against.
 *
 * @param decidedBy the account (or token subject) that was signed in when it was recorded
 * @param approvedBy for an override, the approver who approved it while signed in; null until then
 */
public record Decision(String assessmentId, String outcome, String decidedProgramme, String reason, String decidedBy,
        String approvedBy, Instant decidedAt, Instant approvedAt, List<String> wentAgainst) {
}
