package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Abstention;
import dk.visitationadvisor.facts.CurrentPhase;
import dk.visitationadvisor.facts.Escalation;
import dk.visitationadvisor.facts.Finding;
import dk.visitationadvisor.facts.FollowUp;
import dk.visitationadvisor.facts.PlanNote;
import dk.visitationadvisor.facts.VisitRange;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.Recommendation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;

/**
 * Evaluates a family's facts against the live rule set. The rule set is immutable and shared; each
 * evaluation gets a session of its own, disposed afterwards, so evaluations can run concurrently.
 */
public class RuleEngine {

    /** A rule set that fires more often than this for one family is looping, not deciding. */
    static final int MAX_FIRINGS = 10_000;

    private final RuleSet ruleSet;
    /** The parameter values in force on each date seen: fixed per rule set and date, so worked out once. */
    private final Map<LocalDate, Parameters> parametersByDate = new ConcurrentHashMap<>();

    public RuleEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public Evaluation evaluate(Collection<?> facts, LocalDate assessmentDate) {
        RuleSet rules = ruleSet;
        Parameters parameters = parametersByDate.computeIfAbsent(assessmentDate, rules.parameters()::inForceOn);
        List<String> fired = new ArrayList<>();
        KieSession session = rules.kieBase().newKieSession();
        try {
            if (rules.usesParameters()) {
                session.setGlobal("params", parameters);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            facts.forEach(session::insert);
            rules.criteria().forEach(session::insert);
            for (Programme programme : Programme.values()) {
                session.insert(programme);
            }
            // The focus is a stack: push the last step first, so the first step runs first.
            // A step without rules has no agenda group.
            for (int step = EvaluationSteps.ORDER.size() - 1; step >= 0; step--) {
                AgendaGroup group = session.getAgenda().getAgendaGroup(EvaluationSteps.ORDER.get(step));
                if (group != null) {
                    group.setFocus();
                }
            }
            if (session.fireAllRules(MAX_FIRINGS) >= MAX_FIRINGS) {
                throw new IllegalStateException("The rules fired " + MAX_FIRINGS + " times for one family: a rule loops");
            }
            return new Evaluation(rules, parameters, objects(session, Finding.class),
                    objects(session, ProgrammeStatus.class), objects(session, Recommendation.class),
                    objects(session, CurrentPhase.class), objects(session, Escalation.class),
                    objects(session, Abstention.class), objects(session, VisitRange.class),
                    objects(session, PlanNote.class), objects(session, FollowUp.class), List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        return session.getObjects(type::isInstance).stream().map(type::cast).toList();
    }
}
