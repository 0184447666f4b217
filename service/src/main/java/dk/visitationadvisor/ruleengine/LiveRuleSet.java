package dk.visitationadvisor.ruleengine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that answers new requests. An evaluation takes the engine once and keeps it to the
 * end, so a request in flight when another rule set is activated finishes on the one it started
 * with, and its answer names that version; requests after the switch get the new one.
 */
public class LiveRuleSet {

    private final AtomicReference<RuleEngine> engine;

    public LiveRuleSet(RuleEngine initial) {
        this.engine = new AtomicReference<>(initial);
    }

    public RuleEngine engine() {
        return engine.get();
    }

    public RuleSet ruleSet() {
        return engine.get().ruleSet();
    }

    /** Makes {@code next} live at once; returns the engine it replaced. */
    public RuleEngine replace(RuleEngine next) {
        return engine.getAndSet(next);
    }
}
