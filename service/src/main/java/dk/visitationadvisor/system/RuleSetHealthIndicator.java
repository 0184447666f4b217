package dk.visitationadvisor.system;

import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ruleSet} component of {@code /actuator/health} and its liveness and readiness groups:
 * the version of the rule set that answers new requests, and its number of rules. Beside it,
 * Spring Boot's {@code db} component says whether the database answers.
 */
@Component
class RuleSetHealthIndicator implements HealthIndicator {

    private final LiveRuleSet live;

    RuleSetHealthIndicator(LiveRuleSet live) {
        this.live = live;
    }

    @Override
    public Health health() {
        RuleSet ruleSet = live.ruleSet();
        return Health.up()
                .withDetail("version", ruleSet.version())
                // Not its origin: a path on the server is nothing for an unauthenticated probe to read.
                .withDetail("rules", ruleSet.rules().size())
                .build();
    }
}
