package dk.visitationadvisor.ruleengine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the rule set at start-up: from the configured directory, or the packaged copy. The build
 * began when the context was prepared ({@link EarlyRuleSetBuild}); this waits for it. A broken rule
 * set stops the start-up here. Which version then stays live is the activation log's business
 * ({@code dk.visitationadvisor.activation}).
 */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuleEngineConfiguration.class);

    @Bean
    LiveRuleSet liveRuleSet(RulesProperties properties, ObjectProvider<EarlyRuleSetBuild.Build> early) {
        long start = System.nanoTime();
        EarlyRuleSetBuild.Build build = early.getIfAvailable();
        RuleSet ruleSet = build != null ? build.await(properties)
                : RuleSetBuilder.build(EarlyRuleSetBuild.files(properties));
        log.info("Rule set {} from {}: {} rules, {} parameters; start-up waited {} ms for it", ruleSet.version(),
                ruleSet.origin(), ruleSet.rules().size(), ruleSet.parameters().definitions().size(),
                (System.nanoTime() - start) / 1_000_000);
        return new LiveRuleSet(new RuleEngine(ruleSet));
    }
}
