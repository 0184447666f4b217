package dk.visitationadvisor.casehistory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A recorded decision, with the rule codes an override went against.
 *
 * @param decidedBy the account (or token subject) that was signed in when it was recorded
 * @param approvedBy for an override, the approver who approved it while signed in; null until then
 */
public record Decision(String assessmentId, String outcome, String decidedProgramme, String reason, String decidedBy,
        String approvedBy, Instant decidedAt, Instant approvedAt, List<String> wentAgainst) {

    /**
     * The version of the decision as an HTTP entity tag: changes with every amendment and approval, so
     * that a client amending what it read is refused when someone changed it meanwhile.
     */
    public String entityTag() {
        String state = String.join("\u0000", outcome, decidedProgramme, reason, decidedBy, String.valueOf(approvedBy),
                String.valueOf(decidedAt), String.valueOf(approvedAt));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
