package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where assessments are kept. */
public interface AssessmentStore {

    /**
     * Stores one assessment, whole or not at all, with the rule files of the rule set that answered it
     * (kept once per version), so that every answer can be traced to the rules that made it.
     */
    void save(StoredAssessment assessment, RuleSet ruleSet);

    Optional<StoredAssessment> find(String id);

    /** The latest assessment of a case on or before a date: what a new assessment compares with. */
    Optional<StoredAssessment> latest(String caseRef, LocalDate onOrBefore);

    /** A page of a case's assessments, newest first. */
    List<StoredAssessment> timeline(String caseRef, int page, int size);

    long count(String caseRef);

    /**
     * Every case with an assessment dated between {@code from} and {@code to} (inclusive; null for no
     * bound), one case at a time with all its assessments, oldest first (by date, then by when they
     * were requested). Without their response bodies: for replaying what was asked against other rules.
     */
    void forEachCase(LocalDate from, LocalDate to, Consumer<List<StoredAssessment>> handler);
}
