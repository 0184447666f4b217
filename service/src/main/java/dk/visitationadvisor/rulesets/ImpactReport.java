package dk.visitationadvisor.rulesets;

import java.time.LocalDate;
import java.util.List;

/**
 * What a candidate rule set would change in the answers to stored assessments, compared with the live
 * rule set on the same input and the same case history.
 *
 * @param asOf the date whose parameter values judged every assessment, with both rule sets; null when each
 *     assessment was judged with the values in force on its own date
 * @param assessmentsReplayed how many stored assessments in the period were answered by both rule sets
 * @param changes how many assessments see each kind of change, most frequent first
 * @param changedRules rules whose text differs, that exist in one rule set only, or that read a
 *     parameter whose values differ
 * @param changedParameters parameters whose values differ
 * @param assessments the changed assessments, oldest first, at most {@code limit} of them
 * @param complete false when more assessments changed than are listed
 * @param notReplayed stored assessments that could not be answered again, and why (their input no
 *     longer reads as a request, say): they are in no count
 */
public record ImpactReport(String liveVersion, String candidateVersion, LocalDate from, LocalDate to,
        LocalDate asOf, int assessmentsReplayed, int assessmentsChanged, List<ChangeCount> changes, List<String> changedRules,
        List<String> changedParameters, List<ChangedAssessment> assessments, boolean complete,
        List<NotReplayed> notReplayed, long durationMillis) {

    /** What part of an answer changes. */
    public enum ChangeKind {
        /** A programme's status (subject: the programme). */
        STATUS,
        /** The recommended programme. */
        RECOMMENDATION,
        /** An escalation raised or no longer raised (subject: its code; before/after: its severity). */
        ESCALATION,
        /** The phase or the visits a week. */
        VISIT_PLAN,
        /** A follow-up due or no longer due, or due on another date (subject: its code). */
        FOLLOW_UP
    }

    /**
     * One change in one answer, and the rules responsible: those behind the statement that fired with
     * one rule set only, or that fired with both but changed.
     */
    public record Change(ChangeKind kind, String subject, String before, String after, List<String> rules) {
    }

    public record ChangeCount(ChangeKind kind, String subject, String before, String after, long assessments) {
    }

    /**
     * @param answeredBy the rule-set version that gave the answer on record
     */
    public record ChangedAssessment(String assessmentId, LocalDate assessmentDate, String answeredBy,
            List<Change> changes) {
    }

    public record NotReplayed(String assessmentId, String reason) {
    }

    /**
     * The report for a caller who may not read the cases: each assessment under a pseudonym that holds for
     * this candidate only (so the same change can be followed within the report, but not looked up), dated
     * by its month. The counts are as they are.
     */
    public ImpactReport withoutCaseReferences() {
        return new ImpactReport(liveVersion, candidateVersion, from, to, asOf, assessmentsReplayed, assessmentsChanged,
                changes, changedRules, changedParameters,
                assessments.stream().map(a -> new ChangedAssessment(pseudonym(a.assessmentId()),
                        a.assessmentDate().withDayOfMonth(1), a.answeredBy(), a.changes())).toList(),
                complete, notReplayed.stream().map(n -> new NotReplayed(pseudonym(n.assessmentId()), n.reason())).toList(),
                durationMillis);
    }

    private String pseudonym(String assessmentId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(
                    (candidateVersion + "/" + assessmentId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "change-" + java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
