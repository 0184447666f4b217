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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates a family's facts against the live rule set. The rule set is immutable and shared; each
 * evaluation gets a session of its own, disposed afterwards, so evaluations can run concurrently.
 */
public class RuleEngine {

    /** A rule set that fires more often than this for one family is looping, not deciding. */
    static final int MAX_FIRINGS = 10_000;
    private static final Pattern COMPILED_RULE = Pattern.compile("\\.Rule_(.+?)-?\\d+(?:[A-Z]\\w*)?$");
    private static final Pattern ESCAPED = Pattern.compile("\\$u(\\d+)\\$");

    private final RuleSet ruleSet;
    /** The parameter values in force on each date seen: fixed per rule set and date, so worked out once. */
    private final Map<LocalDate, Parameters> parametersByDate = new ConcurrentHashMap<>();

    public RuleEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public RuleSet ruleSet() {
        return ruleSet;
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
     * The rule whose condition threw: Drools names the class it compiles a condition to after the
     * rule ({@code Rule_ESC$u45$PARENT..._of_self$u45$harm1579296261Eval0Invoker}); null when no frame
     * names a rule of this rule set.
     */
    private String ruleInStack(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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
            for (int step = EvaluationSteps.ORDER.size() - 1; step >= 0; step--) {
                session.getAgenda().getAgendaGroup(EvaluationSteps.ORDER.get(step)).setFocus();
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
