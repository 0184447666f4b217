package dk.visitationadvisor.ruleengine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the rule set once at start-up: from the configured directory, or the packaged copy. */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuleEngineConfiguration.class);

    @Bean
    RuleEngine ruleEngine(RulesProperties properties) {
        RuleFiles files = properties.directory() == null
                ? RuleFiles.packaged()
                : RuleFiles.fromDirectory(properties.directory());
        long start = System.nanoTime();
        RuleSet ruleSet = RuleSetBuilder.build(files);
        log.info("Rule set {} from {}: {} rules, {} parameters, built in {} ms", ruleSet.version(), ruleSet.origin(),
                ruleSet.rules().size(), ruleSet.parameters().definitions().size(),
                (System.nanoTime() - start) / 1_000_000);
        return new RuleEngine(ruleSet);
    }
}
