package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleFiles;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Replays stored assessments against the live rule set and a candidate, and reports which answers the
 * candidate would change ({@link ImpactReplay}, in a worker of its own: the stored cases are read here and
 * streamed to it). Read-only: nothing is stored, and the live rules stay as they are.
 *
 * <p>A preview needs at least {@code advisor.rules.impact.minimum-assessments} stored assessments in its
 * period: over one family, or a few, its counts would tell how those families would be judged.
 */
@Service
public class ImpactPreview {

    private static final Logger log = LoggerFactory.getLogger(ImpactPreview.class);

    private final AssessmentStore store;
    private final LiveRuleSet live;
    private final Candidates candidates;
    private final CandidateWorkers workers;
    private final int minimumAssessments;

    ImpactPreview(AssessmentStore store, LiveRuleSet live, Candidates candidates, CandidateWorkers workers,
            @Value("${advisor.rules.impact.minimum-assessments:10}") int minimumAssessments) {
        this.store = store;
        this.live = live;
        this.candidates = candidates;
        this.workers = workers;
        this.minimumAssessments = minimumAssessments;
    }

    /**
     * @param from first assessment date to replay, or null
     * @param to last assessment date to replay, or null
     * @param asOf the date whose parameter values judge every assessment, with both rule sets; null: each
     *     assessment's own date
     * @param limit how many changed assessments to list; every one is counted
     * @throws TooFewAssessmentsException when fewer than the minimum are dated in the period
     */
    public ImpactReport preview(CandidateRuleSet candidate, LocalDate from, LocalDate to, LocalDate asOf, int limit) {
        RuleFiles files = candidates.files(candidate);
        // A candidate's errors come first, whatever the period holds.
        CandidateWorkers.checkPolicy(files.contents());
        long assessments = store.countAssessments(from, to);
        if (assessments < minimumAssessments) {
            throw new TooFewAssessmentsException(assessments, minimumAssessments);
        }
        ImpactReport report = workers.run(new CandidateTask.ImpactRun(live.ruleSet().files(), files.contents(), asOf,
                from, to, limit), handler -> store.forEachCase(from, to, handler), ImpactReport.class);
        log.info("Impact preview of rule set {} against {}: {} assessments replayed, {} changed, in {} ms",
                report.candidateVersion(), report.liveVersion(), report.assessmentsReplayed(),
                report.assessmentsChanged(), report.durationMillis());
        return report;
    }
}
