package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Abstention;
import dk.visitationadvisor.facts.CurrentPhase;
import dk.visitationadvisor.facts.Escalation;
import dk.visitationadvisor.facts.Finding;
import dk.visitationadvisor.facts.FollowUp;
import dk.visitationadvisor.facts.LawReference;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.PlanNote;
import dk.visitationadvisor.facts.ProgrammeResource;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.Recommendation;
import dk.visitationadvisor.facts.VisitRange;
import java.util.List;

/**
 * What the rules concluded about one family, with the rule set and parameter values that did it.
 *
 * @param firedRules the names of the rules that fired, in the order they fired
 */
public record Evaluation(RuleSet ruleSet, Parameters parameters, List<Finding> findings,
        List<ProgrammeStatus> statuses, List<Recommendation> recommendations, List<CurrentPhase> phases,
        List<Escalation> escalations, List<Abstention> abstentions, List<VisitRange> visitRanges,
        List<PlanNote> planNotes, List<FollowUp> followUps, List<ProgrammeResource> resources,
        List<LawReference> lawReferences, List<String> firedRules) {
}
