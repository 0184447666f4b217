package dk.visitationadvisor.casehistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the case history: one answer exactly as given, and a case's timeline. */
@Service
public class CaseHistory {

    public static final int MAX_PAGE_SIZE = 100;

    private final AssessmentStore store;
    private final Decisions decisions;
    private final JsonMapper json;

    public CaseHistory(AssessmentStore store, Decisions decisions, JsonMapper json) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
    }

    /** The response body exactly as it was answered, whatever the rules say today. */
    public Optional<String> answer(String assessmentId) {
        return store.find(assessmentId).map(StoredAssessment::responseJson);
    }

    /** A page of the case's assessments, newest first, summarised from what was answered. */
    public Timeline timeline(String caseRef, int page, int size) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (StoredAssessment stored : store.timeline(caseRef, page, size)) {
            JsonNode answer = json.readTree(stored.responseJson());
            List<TimelineEntry.ProgrammeStatus> statuses = new ArrayList<>();
            answer.path("programmes").forEach(p -> statuses.add(
                    new TimelineEntry.ProgrammeStatus(p.path("programme").asString(), p.path("status").asString())));
            List<TimelineEntry.Trigger> escalations = new ArrayList<>();
            answer.path("escalations").forEach(e -> escalations.add(
                    new TimelineEntry.Trigger(e.path("code").asString(), e.path("severity").asString())));
            JsonNode plan = answer.path("visitPlan");
            entries.add(new TimelineEntry(stored.id(), stored.assessmentDate(), stored.requestedAt(),
                    stored.requestedBy(), stored.rulesetVersion(), stored.concernLevel(), stored.ors(), statuses,
                    answer.path("recommendedProgramme").asString(null),
                    plan.isObject() ? plan.path("phase").asString(null) : null, escalations,
                    decisions.find(stored.id()).orElse(null), measurements(stored)));
        }
        return new Timeline(caseRef, page, size, store.count(caseRef), entries);
    }

    /**
     * How many cases have an assessment dated from {@code from} to {@code to} (null: no bound): the
     * cases a replay of that period reads, all their assessments.
     */
    public long casesAssessedBetween(LocalDate from, LocalDate to) {
        return store.countCases(from, to);
    }

    /** The cases most recently assessed first, at most {@code limit}, whose reference contains {@code search}, ignoring case. */
    public List<CaseSummary> cases(String search, int limit) {
        return store.cases(search, limit);
    }

    /** One stored assessment: its request, its answer, who asked for it and when; empty for an unknown id. */
    public Optional<StoredAssessment> assessment(String assessmentId) {
        return store.find(assessmentId);
    }

    /** The request exactly as it was read, e.g. to assess the same family again; empty for an unknown id. */
    public Optional<String> request(String assessmentId) {
        return store.find(assessmentId).map(StoredAssessment::requestJson);
    }

    /** The scores entered with an assessment, by their request field; what was not measured is left out. */
    private Map<String, Integer> measurements(StoredAssessment stored) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        json.readTree(stored.requestJson()).path("measurements").properties().forEach(score -> {
            if (score.getValue().isIntegralNumber()) {
                scores.put(score.getKey(), score.getValue().asInt());
            }
        });
        return scores;
    }
}
