package dk.visitationadvisor.ruleengine;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule set is read from.
 *
 * @param directory the rules directory on disk; when not set, the copy packaged with the service
 */
@ConfigurationProperties("advisor.rules")
public record RulesProperties(Path directory) {
}
