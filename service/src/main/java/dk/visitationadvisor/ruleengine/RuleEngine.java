package dk.visitationadvisor.ruleengine;

import dk.visitationadvisor.facts.Abstention;
import dk.visitationadvisor.facts.CurrentPhase;
import dk.visitationadvisor.facts.Escalation;
import dk.visitationadvisor.facts.Finding;
import dk.visitationadvisor.facts.FollowUp;
import dk.visitationadvisor.facts.LawReference;
import dk.visitationadvisor.facts.PlanNote;
import dk.visitationadvisor.facts.VisitRange;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.ProgrammeResource;
import dk.visitationadvisor.facts.ProgrammeStatus;
import dk.visitationadvisor.facts.Recommendation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates a family's facts against one rule set. The rule set is immutable and shared; each
 * evaluation takes a session of its own from a pool, and gives it back emptied (Drools resets its
 * facts, agenda, globals and listeners), so evaluations run concurrently and never share a session.
 * A pooled session keeps the node memories that a new session would build again for every family.
 */
public class RuleEngine {

    /** A rule set that fires more often than this for one family is looping, not deciding. */
    static final int MAX_FIRINGS = 10_000;
    private static final Pattern COMPILED_RULE = Pattern.compile("\\.Rule_(.+?)-?\\d+(?:[A-Z]\\w*)?$");
    private static final Pattern ESCAPED = Pattern.compile("\\$u(\\d+)\\$");
    /** How Drools names the rules of a constraint that failed: {@code … in [Rule "name" in file.drl]}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"");

    private final RuleSet ruleSet;
    /** Grows to the number of evaluations that ever ran at once; a session is never in two of them. */
    private final KieSessionsPool sessions;
    /** The parameter values in force on each date seen: fixed per rule set and date, so worked out once. */
    private final Map<LocalDate, Parameters> parametersByDate = new ConcurrentHashMap<>();
    /** What each rule reads and concludes: worked out on first use, for the what-if analysis. */
    private volatile RuleReach reach;

    public RuleEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.sessions = ruleSet.kieBase().newKieSessionsPool(0);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * The rules that can fire for a family evaluated with these facts and lead to an outcome: what a change
     * of the facts must touch to change the outcome ({@link RuleReach}).
     */
    public RuleReach.Family reach(Collection<?> facts) {
        RuleReach rules = reach;
        if (rules == null) {
            rules = RuleReach.of(ruleSet.files());
            reach = rules;
        }
        Set<Class<?>> given = new HashSet<>();
        facts.forEach(fact -> given.add(fact.getClass()));
        ruleSet.criteria().forEach(criterion -> given.add(criterion.getClass()));
        given.add(Programme.class);
        return rules.forFacts(given);
    }

    /**
     * @throws RuleEvaluationException when a rule throws or the rules loop: the session is disposed,
     *         and other evaluations are not affected
     */
    public Evaluation evaluate(Collection<?> facts, LocalDate assessmentDate) {
        try {
            return evaluateOrThrow(facts, assessmentDate);
        } catch (ConsequenceException e) {
            throw new RuleEvaluationException(ruleSet.version(), e.getMatch() == null ? null
                    : e.getMatch().getRule().getName(), e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw new RuleEvaluationException(ruleSet.version(), ruleInStack(e), e);
        }
    }

    /**
     * The rule whose condition threw: a constraint's failure names its rules in its message
     * ({@code Error evaluating constraint '…' in [Rule "…" in …]}), and Drools names the class it
     * compiles a condition to after the rule ({@code Rule_ESC$u45$PARENT..._of_self$u45$harm1579296261Eval0Invoker});
     * null when neither names a rule of this rule set.
     */
    private String ruleInStack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Matcher named = RULE_IN_MESSAGE.matcher(String.valueOf(cause.getMessage()));
            while (named.find()) {
                if (ruleSet.rules().containsKey(named.group(1))) {
                    return named.group(1);
                }
            }
            for (StackTraceElement frame : cause.getStackTrace()) {
                Matcher compiled = COMPILED_RULE.matcher(frame.getClassName());
                if (compiled.find()) {
                    String name = ESCAPED.matcher(compiled.group(1))
                            .replaceAll(c -> String.valueOf((char) Integer.parseInt(c.group(1))));
                    Optional<String> rule = ruleSet.rules().keySet().stream()
                            .filter(r -> r.replace(' ', '_').equals(name)).findFirst();
                    if (rule.isPresent()) {
                        return rule.get();
                    }
                }
            }
        }
        return null;
    }

    private Evaluation evaluateOrThrow(Collection<?> facts, LocalDate assessmentDate) {
        RuleSet rules = ruleSet;
        Parameters parameters = parametersByDate.computeIfAbsent(assessmentDate, rules.parameters()::inForceOn);
        FiredRules fired = new FiredRules();
        KieSession session = sessions.newKieSession();
        boolean completed = false;
        try {
            // Globals and listeners go with every reset: set them for each evaluation.
            if (rules.usesParameters()) {
                session.setGlobal("params", parameters);
            }
            session.addEventListener(fired);
            for (Object fact : facts) {
                session.insert(fact);
            }
            for (Object criterion : rules.criteria()) {
                session.insert(criterion);
            }
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
            Evaluation evaluation = conclusions(rules, parameters, session, fired.names);
            completed = true;
            return evaluation;
        } finally {
            if (completed) {
                session.dispose(); // back to the pool, reset
            } else {
                session.destroy(); // a rule threw half way: nothing of this session is used again
            }
        }
    }

    /** What the rules concluded, sorted by kind in one pass over the session's facts. */
    private static Evaluation conclusions(RuleSet rules, Parameters parameters, KieSession session,
            List<String> fired) {
        List<Finding> findings = new ArrayList<>();
        List<ProgrammeStatus> statuses = new ArrayList<>(2);
        List<Recommendation> recommendations = new ArrayList<>(2);
        List<CurrentPhase> phases = new ArrayList<>(1);
        List<Escalation> escalations = new ArrayList<>();
        List<Abstention> abstentions = new ArrayList<>();
        List<VisitRange> visitRanges = new ArrayList<>();
        List<PlanNote> planNotes = new ArrayList<>();
        List<FollowUp> followUps = new ArrayList<>();
        List<ProgrammeResource> resources = new ArrayList<>(2);
        List<LawReference> lawReferences = new ArrayList<>();
        for (Object fact : session.getObjects()) {
            if (fact instanceof Finding finding) {
                findings.add(finding);
            } else if (fact instanceof ProgrammeStatus status) {
                statuses.add(status);
            } else if (fact instanceof Recommendation recommendation) {
                recommendations.add(recommendation);
            } else if (fact instanceof CurrentPhase phase) {
                phases.add(phase);
            } else if (fact instanceof Escalation escalation) {
                escalations.add(escalation);
            } else if (fact instanceof Abstention abstention) {
                abstentions.add(abstention);
            } else if (fact instanceof VisitRange range) {
                visitRanges.add(range);
            } else if (fact instanceof PlanNote note) {
                planNotes.add(note);
            } else if (fact instanceof FollowUp followUp) {
                followUps.add(followUp);
            } else if (fact instanceof ProgrammeResource resource) {
                resources.add(resource);
            } else if (fact instanceof LawReference law) {
                lawReferences.add(law);
            }
        }
        return new Evaluation(rules, parameters, List.copyOf(findings), List.copyOf(statuses),
                List.copyOf(recommendations), List.copyOf(phases), List.copyOf(escalations),
                List.copyOf(abstentions), List.copyOf(visitRanges), List.copyOf(planNotes), List.copyOf(followUps),
                List.copyOf(resources), List.copyOf(lawReferences), List.copyOf(fired));
    }

    /** The names of the rules that fired in one evaluation, in the order they fired. */
    private static final class FiredRules extends DefaultAgendaEventListener {

        private final List<String> names = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            names.add(event.getMatch().getRule().getName());
        }
    }
}
