package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.security.AssessmentCases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Where assessments are kept. */
public interface AssessmentStore extends AssessmentCases {

    /**
     * Stores one assessment, whole or not at all, with the rule files of the rule set that answered it
     * (kept once per version), so that every answer can be traced to the rules that made it.
     */
    default void save(StoredAssessment assessment, RuleSet ruleSet) {
        save(assessment, ruleSet, () -> { });
    }

    /**
     * As {@link #save(StoredAssessment, RuleSet)}, with {@code alsoInItsTransaction} written in the same
     * transaction (the access audit's entry of the request that made it): committed together or not at all.
     */
    void save(StoredAssessment assessment, RuleSet ruleSet, Runnable alsoInItsTransaction);

    /**
     * Stores assessments answered by one rule set, all or none: for a batch, where one transaction
     * and one round trip per chunk cost far less than one per assessment.
     */
    default void saveAll(List<StoredAssessment> assessments, RuleSet ruleSet) {
        assessments.forEach(assessment -> save(assessment, ruleSet));
    }

    Optional<StoredAssessment> find(String id);

    /** The case an assessment belongs to, without reading its bodies: what the access audit records. */
    @Override
    default Optional<String> caseRefOf(String id) {
        return find(id).map(StoredAssessment::caseRef);
    }

    /** The latest assessment of a case on or before a date: what a new assessment compares with. */
    Optional<StoredAssessment> latest(String caseRef, LocalDate onOrBefore);

    /**
     * {@link #latest}, without the request and response bodies ({@code null} in the result): what a
     * new assessment compares with needs neither, and they are most of a row. Read for every
     * assessment of a case with a history.
     */
    default Optional<StoredAssessment> latestWithoutBodies(String caseRef, LocalDate onOrBefore) {
        return latest(caseRef, onOrBefore).map(a -> new StoredAssessment(a.id(), a.caseRef(), a.assessmentDate(),
                a.rulesetVersion(), a.requestedBy(), a.requestedAt(), a.concernLevel(), a.ors(), a.orsRater(), null,
                null));
    }

    /** A page of a case's assessments, newest first. */
    List<StoredAssessment> timeline(String caseRef, int page, int size);

    long count(String caseRef);

    /**
     * The cases most recently assessed first, at most {@code limit}, whose reference contains
     * {@code search} in any case of letters ("" for every case).
     */
    default List<CaseSummary> cases(String search, int limit) {
        String wanted = search.toLowerCase(Locale.ROOT);
        List<CaseSummary> cases = new ArrayList<>();
        forEachCase(null, null, assessments -> {
            StoredAssessment latest = assessments.stream()
                    .max(Comparator.comparing(StoredAssessment::requestedAt)).orElseThrow();
            if (latest.caseRef().toLowerCase(Locale.ROOT).contains(wanted)) {
                cases.add(new CaseSummary(latest.caseRef(), latest.assessmentDate(), latest.requestedAt(),
                        latest.requestedBy(), assessments.size()));
            }
        });
        return cases.stream().sorted(Comparator.comparing(CaseSummary::lastRequestedAt).reversed())
                .limit(limit).toList();
    }

    /** How many cases have an assessment dated from {@code from} to {@code to} (inclusive; null for no bound). */
    default long countCases(LocalDate from, LocalDate to) {
        long[] cases = {0};
        forEachCase(from, to, assessments -> cases[0]++);
        return cases[0];
    }

    /** How many assessments are dated from {@code from} to {@code to} (inclusive; null for no bound). */
    default long countAssessments(LocalDate from, LocalDate to) {
        long[] assessments = {0};
        forEachCase(from, to, history -> assessments[0] += history.stream()
                .filter(a -> (from == null || !a.assessmentDate().isBefore(from))
                        && (to == null || !a.assessmentDate().isAfter(to)))
                .count());
        return assessments[0];
    }

    /**
     * Every case with an assessment dated between {@code from} and {@code to} (inclusive; null for no
     * bound), one case at a time with all its assessments, oldest first (by date, then by when they
     * were requested). Without their response bodies: for replaying what was asked against other rules.
     */
    void forEachCase(LocalDate from, LocalDate to, Consumer<List<StoredAssessment>> handler);
}
