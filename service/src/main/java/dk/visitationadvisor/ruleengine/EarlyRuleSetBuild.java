package dk.visitationadvisor.ruleengine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts building the rule set the moment the application context is prepared, on a thread of its
 * own, so that compiling the rules (seconds, most of start-up) runs alongside the rest of start-up
 * instead of before it; the rule engine bean waits for it. A broken rule set still stops start-up:
 * the rule engine bean fails with the build's {@link RuleSetException}.
 */
class EarlyRuleSetBuild implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EarlyRuleSetBuild.class);

    static final String BEAN_NAME = "earlyRuleSetBuild";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RulesProperties properties = Binder.get(context.getEnvironment())
                .bind("advisor.rules", RulesProperties.class)
                .orElseGet(() -> new RulesProperties(null));
        Build build = new Build(properties);
        Thread thread = new Thread(build.task, "rule-set-build");
        thread.setDaemon(true);
        thread.start();
        context.getBeanFactory().registerSingleton(BEAN_NAME, build);
    }

    /** A rule set being built, from the rules the application is configured with. */
    static final class Build {

        private final RulesProperties properties;
        private final FutureTask<RuleSet> task;

        Build(RulesProperties properties) {
            this.properties = properties;
            this.task = new FutureTask<>(() -> {
                long start = System.nanoTime();
                RuleSet ruleSet = RuleSetBuilder.build(files(properties));
                log.info("Rule set built in {} ms, alongside the rest of start-up", (System.nanoTime() - start) / 1_000_000);
                return ruleSet;
            });
        }

        /** The rule set, once built, if it was built from these rules; the build's own failure otherwise. */
        RuleSet await(RulesProperties configured) {
            if (!configured.equals(properties)) {
                return RuleSetBuilder.build(files(configured));
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building the rule set", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("The rule set could not be built", e.getCause());
            }
        }
    }

    static RuleFiles files(RulesProperties properties) {
        return properties.directory() == null ? RuleFiles.packaged() : RuleFiles.fromDirectory(properties.directory());
    }
}
