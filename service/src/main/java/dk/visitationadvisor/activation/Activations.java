package dk.visitationadvisor.activation;

import dk.visitationadvisor.rulesets.CandidateRuleSet;
import dk.visitationadvisor.rulesets.Candidates;
import dk.visitationadvisor.rulesets.InvalidRuleSetException;
import dk.visitationadvisor.rulesets.RuleSetChecks;
import dk.visitationadvisor.rulesets.RuleSetChecks.DatedScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ValidationReport;
import dk.visitationadvisor.rulesets.UnknownRuleSetVersionException;
import dk.visitationadvisor.casehistory.RuleSetArchive;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleEngine;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes rule sets live. An activation is checked first (it must build and, when configured, pass
 * every scenario), then recorded, then swapped in at once: requests in flight finish on the rule set
 * they started with. The latest entry of the activation log is the live version; every instance on
 * the database follows it within {@code advisor.rules.activation.sync-interval} plus the time to
 * build the rule set.
 *
 * <p>At start-up the rules directory counts as a deployment when its files differ from the ones it
 * had at the last start-up: then it goes live and is logged. Otherwise the log decides, so a restart
 * does not undo an activation or a rollback.
 */
@Service
public class Activations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Activations.class);
    /** Built rule sets kept for switching back and forth without building again. */
    private static final int BUILT_KEPT = 4;

    private final LiveRuleSet live;
    private final ActivationLog activationLog;
    private final RuleSetArchive archive;
    private final RuleSetChecks checks;
    private final Candidates candidates;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean requirePassingScenarios;
    /** One change of the live rule set at a time, so that each log entry names the version it replaced. */
    private final ReentrantLock changing = new ReentrantLock();
    private final Map<String, RuleEngine> built = new LinkedHashMap<>(BUILT_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleEngine> eldest) {
            return size() > BUILT_KEPT;
        }
    };

    public Activations(LiveRuleSet live, ActivationLog activationLog, RuleSetArchive archive, RuleSetChecks checks,
            Candidates candidates, TransactionTemplate transaction, Clock clock,
            @Value("${advisor.rules.activation.require-passing-scenarios:true}") boolean requirePassingScenarios) {
        this.live = live;
        this.activationLog = activationLog;
        this.archive = archive;
        this.checks = checks;
        this.candidates = candidates;
        this.transaction = transaction;
        this.clock = clock;
        this.requirePassingScenarios = requirePassingScenarios;
    }

    /** Before the service takes requests: the rules directory's set if it is new, else the logged one. */
    @Override
    public void afterSingletonsInstantiated() {
        RuleEngine fromDirectory = live.engine();
        RuleSet ruleSet = fromDirectory.ruleSet();
        changing.lock();
        try {
            built.put(ruleSet.version(), fromDirectory);
            Optional<Activation> deployed = activationLog.latestDeployment();
            if (deployed.isEmpty() || !deployed.get().version().equals(ruleSet.version())) {
                Optional<Activation> active = activationLog.latest();
                record(ruleSet, active.map(Activation::version).orElse(null), Activation.Kind.DEPLOYED, "start-up",
                        "Rule files in " + ruleSet.origin());
                log.info("Rule set {} from {} deployed", ruleSet.version(), ruleSet.origin());
            } else {
                followLog();
            }
        } finally {
            changing.unlock();
        }
    }

    /**
     * Makes a candidate live, or refuses it and leaves the live rule set as it is.
     *
     * @throws ActivationRefusedException when it does not build, or required scenarios fail
     */
    public Activation activate(CandidateRuleSet candidate, String by, String reason) {
        RuleFiles files;
        try {
            files = candidates.files(candidate);
        } catch (UnknownRuleSetVersionException e) {
            throw new UnknownRuleSetVersionException("candidate." + e.field());
        }
        return activate(files, by, reason);
    }

    /**
     * Makes the rule files live; see {@link #activate(CandidateRuleSet, String, String)}. The candidate is
     * checked in a worker of its own before the activation lock is taken, so that a slow or looping
     * candidate holds neither the lock nor the live rules; only a candidate that passed is built here.
     */
    public Activation activate(RuleFiles candidate, String by, String reason) {
        check(candidate);
        changing.lock();
        try {
            RuleEngine engine = engine(candidate);
            return makeLive(engine, Activation.Kind.ACTIVATED, by, reason);
        } finally {
            changing.unlock();
        }
    }

    /**
     * Makes an earlier version live again, from its files on record.
     *
     * @return empty when no such version is on record
     */
    public Optional<Activation> rollBack(String version, String by, String reason) {
        changing.lock();
        try {
            Optional<RuleFiles> files = archive.files(version);
            if (files.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(makeLive(engine(files.get()), Activation.Kind.ROLLED_BACK, by, reason));
        } finally {
            changing.unlock();
        }
    }

    /** Newest first. */
    public List<Activation> history(int page, int size) {
        return activationLog.page(page, size);
    }

    public Optional<Activation> current() {
        return activationLog.latest().filter(a -> a.version().equals(live.ruleSet().version()));
    }

    /** Another instance may have activated a version: make the logged one live here too. */
    @Scheduled(fixedDelayString = "${advisor.rules.activation.sync-interval:PT5S}",
            initialDelayString = "${advisor.rules.activation.sync-interval:PT5S}")
    public void followLog() {
        changing.lock();
        try {
            Optional<Activation> active = activationLog.latest();
            if (active.isEmpty() || active.get().version().equals(live.ruleSet().version())) {
                return;
            }
            Optional<RuleFiles> files = archive.files(active.get().version());
            if (files.isEmpty()) {
                log.error("The activation log names rule set {}, which is not on record; keeping {}",
                        active.get().version(), live.ruleSet().version());
                return;
            }
            live.replace(engine(files.get()));
            log.info("Rule set {} is live, following the activation log (entry {})", active.get().version(),
                    active.get().number());
        } catch (ActivationRefusedException e) {
            log.error("{}; keeping rule set {}", e.getMessage(), live.ruleSet().version());
        } catch (RuntimeException e) {
            log.warn("Could not read the activation log ({}); keeping rule set {}", e.getClass().getSimpleName(),
                    live.ruleSet().version());
        } finally {
            changing.unlock();
        }
    }

    /**
     * Refuses a candidate that does not build or, when so configured, fails a scenario, today or on a later
     * date when one of its parameter values takes effect (a value dated ahead must not fail them then).
     */
    private void check(RuleFiles candidate) {
        try {
            if (!requirePassingScenarios) {
                // A version built here before (live now or lately) was checked then.
                if (!built(candidate.version())) {
                    ValidationReport validation = checks.validate(candidate);
                    if (!validation.valid()) {
                        throw new InvalidRuleSetException(validation.errors());
                    }
                }
                return;
            }
            for (DatedScenarioReport run : checks.testWithFutureValues(candidate, LocalDate.now(clock))) {
                ScenarioReport report = run.report();
                if (report.failed() > 0) {
                    throw new ActivationRefusedException(report.failed() + " of " + (report.passed() + report.failed())
                            + " scenarios fail against rule set " + report.version() + (run.asOf() == null ? ""
                                    : " on " + run.asOf() + ", when its parameter values dated " + run.asOf()
                                            + " take effect"), List.of(), report.failures());
                }
            }
        } catch (InvalidRuleSetException e) {
            throw new ActivationRefusedException("Rule set " + candidate.version() + " does not build", e.errors(),
                    List.of());
        }
    }

    private Activation makeLive(RuleEngine engine, Activation.Kind kind, String by, String reason) {
        RuleSet ruleSet = engine.ruleSet();
        String previous = live.ruleSet().version();
        Activation activation = record(ruleSet, previous, kind, by, reason);
        live.replace(engine);
        log.info("Rule set {} is live ({} by {}), replacing {}", ruleSet.version(), kind, by, previous);
        return activation;
    }

    private Activation record(RuleSet ruleSet, String previous, Activation.Kind kind, String by, String reason) {
        return transaction.execute(status -> {
            archive.record(ruleSet);
            return activationLog.append(ruleSet.version(), previous, kind, by, clock.instant(), reason);
        });
    }

    private boolean built(String version) {
        changing.lock();
        try {
            return built.containsKey(version);
        } finally {
            changing.unlock();
        }
    }

    /** The built rule set for these files, built now unless it was built lately. */
    private RuleEngine engine(RuleFiles files) {
        String version = files.version();
        RuleEngine engine = built.get(version);
        if (engine == null) {
            try {
                engine = new RuleEngine(Candidates.build(files));
            } catch (InvalidRuleSetException e) {
                throw new ActivationRefusedException("Rule set " + version + " does not build", e.errors(), List.of());
            }
            built.put(version, engine);
        }
        return engine;
    }
}
