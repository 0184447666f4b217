package dk.visitationadvisor.casehistory;

import java.time.Instant;
import java.time.LocalDate;

/** A case in the case list: its reference, its latest assessment and how many it has. */
public record CaseSummary(String caseRef, LocalDate lastAssessed, Instant lastRequestedAt, String lastRequestedBy,
        long assessments) {
}
