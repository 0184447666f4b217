package dk.visitationadvisor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The limits of application.properties, as the filter reads them. */
class BodyLimitsTest {

    @Test
    void theBatchAndRuleSetsHaveTheirOwnLimitsAndEverythingElseTheSmallOne() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ResourcePropertySource(new ClassPathResource("application.properties")));
        BodyLimits limits = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment))
                .bind("advisor.http", BodyLimits.class).get();

        assertThat(limits.forPath("/api/v1/assessments:batch")).isEqualTo(16_777_216);
        assertThat(limits.forPath("/api/v1/rule-sets/candidate/validate")).isEqualTo(4_194_304);
        assertThat(limits.forPath("/api/v1/assessments")).isEqualTo(65_536);
        assertThat(limits.forPath("/cases/a/assessments")).isEqualTo(65_536);
    }
}
