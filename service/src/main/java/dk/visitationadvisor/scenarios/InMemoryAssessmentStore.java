package dk.visitationadvisor.scenarios;

import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A case history in memory, for running scenarios (and their earlier assessments) without touching
 * the service's database.
 */
public class InMemoryAssessmentStore implements AssessmentStore {

    private static final Comparator<StoredAssessment> NEWEST_FIRST = Comparator
            .comparing(StoredAssessment::assessmentDate).thenComparing(StoredAssessment::requestedAt).reversed();

    private final Map<String, StoredAssessment> assessments = new ConcurrentHashMap<>();

    @Override
    public void save(StoredAssessment assessment, RuleSet ruleSet, Runnable alsoInItsTransaction) {
        assessments.put(assessment.id(), assessment);
        alsoInItsTransaction.run();
    }

    @Override
    public Optional<StoredAssessment> find(String id) {
        return Optional.ofNullable(assessments.get(id));
    }

    @Override
    public Optional<StoredAssessment> latest(String caseRef, LocalDate onOrBefore) {
        return ofCase(caseRef).filter(a -> !a.assessmentDate().isAfter(onOrBefore)).sorted(NEWEST_FIRST).findFirst();
    }

    @Override
    public List<StoredAssessment> timeline(String caseRef, int page, int size) {
        return ofCase(caseRef).sorted(NEWEST_FIRST).skip((long) page * size).limit(size).toList();
    }

    @Override
    public long count(String caseRef) {
        return ofCase(caseRef).count();
    }

    @Override
    public void forEachCase(LocalDate from, LocalDate to, Consumer<List<StoredAssessment>> handler) {
        assessments.values().stream()
                .filter(a -> (from == null || !a.assessmentDate().isBefore(from))
                        && (to == null || !a.assessmentDate().isAfter(to)))
                .map(StoredAssessment::caseRef)
                .distinct()
                .sorted()
                .forEach(caseRef -> handler.accept(ofCase(caseRef).sorted(NEWEST_FIRST.reversed()).toList()));
    }

    private Stream<StoredAssessment> ofCase(String caseRef) {
        return assessments.values().stream().filter(a -> a.caseRef().equals(caseRef));
    }
}
