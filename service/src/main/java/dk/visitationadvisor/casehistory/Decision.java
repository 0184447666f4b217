package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.util.List;

/** A recorded decision, with the rule codes an override went against. */
public record Decision(String assessmentId, String outcome, String decidedProgramme, String reason, String decidedBy,
        String approvedBy, Instant decidedAt, List<String> wentAgainst) {
}
