package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One assessment in a case's timeline: enough to follow the case, and the caseworker's decision
 * (null until recorded); the whole answer is at its id.
 *
 * @param measurements the instrument scores entered with the assessment, by their request field
 *        ({@code epds}, {@code ors}, …); empty when none was measured
 */
public record TimelineEntry(String assessmentId, LocalDate assessmentDate, Instant requestedAt, String requestedBy,
        String rulesetVersion, String concernLevel, Integer ors, List<ProgrammeStatus> programmes,
        String recommendedProgramme, String phase, List<Trigger> escalations, Decision decision,
        Map<String, Integer> measurements) {

    public record ProgrammeStatus(String programme, String status) {
    }

    public record Trigger(String code, String severity) {
    }
}
