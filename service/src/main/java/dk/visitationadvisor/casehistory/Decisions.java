package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.casehistory.DecisionRequest.DecidedProgramme;
import dk.visitationadvisor.casehistory.DecisionRequest.DecisionOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the caseworker's decision on an assessment, and amends it keeping what it was before, and counts the rule codes an override
 * went against, so that domain experts can see which rules caseworkers disagree with. Who decided and
 * who approved are the people signed in when they did, never names typed in.
 */
@Service
public class Decisions {

    private final JdbcClient jdbc;
    private final AssessmentStore assessments;
    private final JsonMapper json;
    private final Clock clock;

    public Decisions(JdbcClient jdbc, AssessmentStore assessments, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.json = json;
        this.clock = clock;
    }

    /** The result of recording: the decision, or why it was not recorded. */
    public sealed interface Recorded {
        record Done(Decision decision) implements Recorded {
        }

        record NoSuchAssessment() implements Recorded {
        }

        /** A decision is on record already; an audit record is not rewritten. */
        record AlreadyDecided(Decision decision) implements Recorded {
        }

        /** "Followed" names another programme than the one recommended: that is an override. */
        record NotWhatWasRecommended(String recommended) implements Recorded {
        }

        /** There is no decision to amend. */
        record NothingToAmend() implements Recorded {
        }

        /** The decision on record is not the version the amendment was made to: someone changed it meanwhile. */
        record ChangedMeanwhile(Decision decision) implements Recorded {
        }
    }

    /** Records the decision of {@code decidedBy}, the signed-in person. */
    @Transactional
    public Recorded record(String assessmentId, DecisionRequest request, String decidedBy) {
        Optional<StoredAssessment> assessment = assessments.find(assessmentId);
        if (assessment.isEmpty()) {
            return new Recorded.NoSuchAssessment();
        }
        Optional<Decision> earlier = find(assessmentId);
        if (earlier.isPresent()) {
            return new Recorded.AlreadyDecided(earlier.get());
        }
        JsonNode answer = json.readTree(assessment.get().responseJson());
        String recommended = answer.path("recommendedProgramme").asString(DecidedProgramme.NONE.name());
        if (request.outcome() == DecisionOutcome.FOLLOWED && !recommended.equals(request.decidedProgramme().name())) {
            return new Recorded.NotWhatWasRecommended(recommended);
        }
        List<String> wentAgainst = request.outcome() == DecisionOutcome.OVERRIDDEN
                ? wentAgainst(answer, request.decidedProgramme())
                : List.of();
        Decision decision = new Decision(assessmentId, request.outcome().name(), request.decidedProgramme().name(),
                request.reason(), decidedBy, null, clock.instant(), null, wentAgainst);
        try {
            jdbc.sql("INSERT INTO decision (assessment_id, outcome, decided_programme, reason, decided_by, approved_by, "
                            + "decided_at, went_against) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(decision.assessmentId(), decision.outcome(), decision.decidedProgramme(), decision.reason(),
                            decision.decidedBy(), decision.approvedBy(),
                            OffsetDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC),
                            String.join(",", wentAgainst))
                    .update();
        } catch (DuplicateKeyException decidedAtTheSameMoment) {
            return new Recorded.AlreadyDecided(find(assessmentId).orElseThrow());
        }
        wentAgainst.forEach(this::countOverride);
        return new Recorded.Done(decision);
    }

    /**
     * Amends the decision on record, as decided now by {@code decidedBy}, the signed-in person. The
     * decision it replaces is kept in its history with who amended it and when; an approval of the old
     * decision does not carry over; the override counts follow the decision now on record.
     */
    @Transactional
    public Recorded amend(String assessmentId, DecisionRequest request, String decidedBy) {
        return amend(assessmentId, request, decidedBy, null);
    }

    /**
     * As {@link #amend(String, DecisionRequest, String)}, only if the decision on record is still the
     * version {@code entityTag} names ({@link Decision#entityTag()}; null for any version).
     */
    @Transactional
    public Recorded amend(String assessmentId, DecisionRequest request, String decidedBy, String entityTag) {
        Optional<StoredAssessment> assessment = assessments.find(assessmentId);
        if (assessment.isEmpty()) {
            return new Recorded.NoSuchAssessment();
        }
        Optional<Decision> earlier = jdbc.sql("SELECT * FROM decision WHERE assessment_id = ? FOR UPDATE")
                .param(assessmentId).query(this::row).optional();
        if (earlier.isEmpty()) {
            return new Recorded.NothingToAmend();
        }
        if (entityTag != null && !entityTag.equals(earlier.get().entityTag())) {
            return new Recorded.ChangedMeanwhile(earlier.get());
        }
        JsonNode answer = json.readTree(assessment.get().responseJson());
        String recommended = answer.path("recommendedProgramme").asString(DecidedProgramme.NONE.name());
        if (request.outcome() == DecisionOutcome.FOLLOWED && !recommended.equals(request.decidedProgramme().name())) {
            return new Recorded.NotWhatWasRecommended(recommended);
        }
        Decision old = earlier.get();
        jdbc.sql("INSERT INTO decision_history (assessment_id, outcome, decided_programme, reason, decided_by, "
                        + "approved_by, decided_at, approved_at, went_against, amended_by, amended_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(old.assessmentId(), old.outcome(), old.decidedProgramme(), old.reason(), old.decidedBy(),
                        old.approvedBy(), OffsetDateTime.ofInstant(old.decidedAt(), ZoneOffset.UTC),
                        old.approvedAt() == null ? null : OffsetDateTime.ofInstant(old.approvedAt(), ZoneOffset.UTC),
                        String.join(",", old.wentAgainst()), decidedBy,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        List<String> wentAgainst = request.outcome() == DecisionOutcome.OVERRIDDEN
                ? wentAgainst(answer, request.decidedProgramme())
                : List.of();
        Decision decision = new Decision(assessmentId, request.outcome().name(), request.decidedProgramme().name(),
                request.reason(), decidedBy, null, clock.instant(), null, wentAgainst);
        jdbc.sql("UPDATE decision SET outcome = ?, decided_programme = ?, reason = ?, decided_by = ?, approved_by = NULL, "
                        + "approved_at = NULL, decided_at = ?, went_against = ? WHERE assessment_id = ?")
                .params(decision.outcome(), decision.decidedProgramme(), decision.reason(), decision.decidedBy(),
                        OffsetDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC), String.join(",", wentAgainst),
                        assessmentId)
                .update();
        old.wentAgainst().forEach(this::uncountOverride);
        wentAgainst.forEach(this::countOverride);
        return new Recorded.Done(decision);
    }

    /** A decision as it was before an amendment, with who amended it and when. */
    public record Amended(Decision decision, String amendedBy, Instant amendedAt) {
    }

    /** The earlier versions of the decision on an assessment, the oldest first. */
    public List<Amended> history(String assessmentId) {
        return jdbc.sql("SELECT * FROM decision_history WHERE assessment_id = ? ORDER BY id").param(assessmentId)
                .query((rs, n) -> new Amended(row(rs, n), rs.getString("amended_by"),
                        rs.getTimestamp("amended_at").toInstant()))
                .list();
    }

    /** The result of an approval: the decision approved, or why it was not. */
    public sealed interface Approval {
        record Approved(Decision decision) implements Approval {
        }

        record NoDecision() implements Approval {
        }

        /** The decision followed the recommendation: there is nothing to approve. */
        record NotAnOverride() implements Approval {
        }

        /** Nobody approves their own override. */
        record OwnDecision() implements Approval {
        }

        record AlreadyApproved(Decision decision) implements Approval {
        }
    }

    /** Records that {@code approver}, signed in, approves the override on an assessment; once. */
    @Transactional
    public Approval approve(String assessmentId, String approver) {
        Optional<Decision> decision = find(assessmentId);
        if (decision.isEmpty()) {
            return new Approval.NoDecision();
        }
        if (!DecisionOutcome.OVERRIDDEN.name().equals(decision.get().outcome())) {
            return new Approval.NotAnOverride();
        }
        if (decision.get().approvedBy() != null) {
            return new Approval.AlreadyApproved(decision.get());
        }
        if (decision.get().decidedBy().equals(approver)) {
            return new Approval.OwnDecision();
        }
        int approved = jdbc.sql("UPDATE decision SET approved_by = ?, approved_at = ? WHERE assessment_id = ? "
                        + "AND approved_by IS NULL")
                .params(approver, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), assessmentId)
                .update();
        Decision now = find(assessmentId).orElseThrow();
        return approved == 1 ? new Approval.Approved(now) : new Approval.AlreadyApproved(now);
    }

    public Optional<Decision> find(String assessmentId) {
        return jdbc.sql("SELECT * FROM decision WHERE assessment_id = ?").param(assessmentId).query(this::row).optional();
    }

    /** Every rule code caseworkers have overridden, with how often, most often first. */
    public List<OverrideCount> overrideCounts() {
        return jdbc.sql("SELECT code, overrides FROM override_count ORDER BY overrides DESC, code")
                .query((rs, n) -> new OverrideCount(rs.getString("code"), rs.getLong("overrides")))
                .list();
    }

    /**
     * Every decision made in {@code [from, to)}, oldest first, with the case and the answer it decided on:
     * for the override review.
     */
    public List<DecidedAnswer> decidedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT d.*, a.case_ref, a.response_json FROM decision d JOIN assessment a "
                        + "ON a.id = d.assessment_id WHERE d.decided_at >= ? AND d.decided_at < ? "
                        + "ORDER BY d.decided_at, d.assessment_id")
                .params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> new DecidedAnswer(row(rs, n), rs.getString("case_ref"), rs.getString("response_json")))
                .list();
    }

    /** A decision with the case it concerns and the answer it decided on, exactly as answered. */
    public record DecidedAnswer(Decision decision, String caseRef, String responseJson) {
    }

    /** How often caseworkers overrode a rule code. */
    public record OverrideCount(String code, long overrides) {
    }

    /**
     * What an override went against: the reasons for the recommendation, and, when the decided
     * programme was not eligible, the criteria that ruled it out.
     */
    public static List<String> wentAgainst(JsonNode answer, DecidedProgramme decided) {
        Set<String> codes = new LinkedHashSet<>();
        answer.path("recommendationReasons").forEach(reason -> codes.add(reason.path("code").asString()));
        answer.path("programmes").forEach(programme -> {
            if (programme.path("programme").asString().equals(decided.name())) {
                programme.path("reasons").forEach(reason -> {
                    String kind = reason.path("kind").asString();
                    String outcome = reason.path("outcome").asString();
                    if (("INCLUSION".equals(kind) && "NOT_MET".equals(outcome))
                            || ("EXCLUSION".equals(kind) && "MET".equals(outcome))) {
                        codes.add(reason.path("code").asString());
                    }
                });
            }
        });
        return List.copyOf(codes);
    }

    private void countOverride(String code) {
        int updated = jdbc.sql("UPDATE override_count SET overrides = overrides + 1 WHERE code = ?").param(code).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO override_count (code, overrides) VALUES (?, 1)").param(code).update();
        }
    }

    private void uncountOverride(String code) {
        jdbc.sql("UPDATE override_count SET overrides = overrides - 1 WHERE code = ? AND overrides > 0").param(code)
                .update();
    }

    private Decision row(ResultSet rs, int n) throws SQLException {
        String against = rs.getString("went_against");
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Decision(rs.getString("assessment_id"), rs.getString("outcome"), rs.getString("decided_programme"),
                rs.getString("reason"), rs.getString("decided_by"), rs.getString("approved_by"),
                rs.getTimestamp("decided_at").toInstant(), approvedAt == null ? null : approvedAt.toInstant(),
                against.isEmpty() ? List.of() : Arrays.asList(against.split(",")));
    }
}
