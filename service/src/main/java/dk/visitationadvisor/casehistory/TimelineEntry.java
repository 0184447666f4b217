package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One assessment in a case's timeline: enough to follow the case, and the caseworker's decision
 * (null until recorded); the whole answer is at its id.
 */
public record TimelineEntry(String assessmentId, LocalDate assessmentDate, Instant requestedAt, String requestedBy,
        String rulesetVersion, String concernLevel, Integer ors, List<ProgrammeStatus> programmes,
        String recommendedProgramme, String phase, List<Trigger> escalations, Decision decision) {

    public record ProgrammeStatus(String programme, String status) {
    }

    public record Trigger(String code, String severity) {
    }
}
