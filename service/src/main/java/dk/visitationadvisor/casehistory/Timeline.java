package dk.visitationadvisor.casehistory;

import java.util.List;

/** A page of a case's timeline, newest first. */
public record Timeline(String caseRef, int page, int size, long totalAssessments, List<TimelineEntry> assessments) {
}
