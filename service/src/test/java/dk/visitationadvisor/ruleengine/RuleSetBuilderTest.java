package dk.visitationadvisor.ruleengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleSetBuilderTest {

    static final Path RULES = Path.of(System.getProperty("advisor.rules.directory", "../rules"));

    @Test
    void buildsTheRuleSetOfTheRepository() {
        RuleSet ruleSet = RuleSetBuilder.build(RuleFiles.fromDirectory(RULES));
        assertThat(ruleSet.rules()).containsKey("FA-IN-AGE met: the family is expecting a child");
    }
}
