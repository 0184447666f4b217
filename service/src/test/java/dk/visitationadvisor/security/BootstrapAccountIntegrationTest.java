package dk.visitationadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.visitationadvisor.VisitationAdvisorApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The first way in: a generated password printed once, and never a bootstrap account off loopback. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAccountIntegrationTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... more) {
        String[] arguments = new String[more.length + 3];
        arguments[0] = "--server.port=0";
        arguments[1] = "--advisor.data.directory=" + data;
        // No password given: the service must make one up.
        arguments[2] = "--advisor.security.bootstrap.password=";
        System.arraycopy(more, 0, arguments, 3, more.length);
        return new SpringApplicationBuilder(VisitationAdvisorApplication.class).run(arguments);
    }

    @Test
    void generatesAPasswordOnceForAnEmptyAccountStoreAndRefusesAPublicAddress(CapturedOutput output) {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(output.getOut()).containsOnlyOnce("sign in as \"admin\" with the generated password");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getOut()).containsOnlyOnce("sign in as \"admin\" with the generated password");
        }
        assertThatThrownBy(() -> start("--server.address=0.0.0.0"))
                .hasStackTraceContaining("Bootstrap accounts are for a service on loopback");
    }

    /** Finding: an account could be made with the password 000000000000; the bootstrap's is checked too. */
    @Test
    void refusesToStartWithAGuessableBootstrapPassword() {
        for (String weak : new String[] {"000000000000", "admin1234567", "short"}) {
            assertThatThrownBy(() -> start("--advisor.security.bootstrap.password=" + weak))
                    .hasStackTraceContaining("does not meet the password policy");
        }
    }
}
