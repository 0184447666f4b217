package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.visitationadvisor.support.FamilyJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The batch's worker pool is a Spring task executor, measured by the actuator under its name: bounded
 * as configured, and counting the work it does. In the test context the other tests share.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "CASEWORKER")
class BatchWorkersMetricsIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    private double gauge(String meter, String pool) {
        return meters.get(meter).tag("name", pool).gauge().value();
    }

    private double completed(String pool) {
        return meters.get("executor.completed").tag("name", pool).functionCounter().count();
    }

    @Test
    void eachPoolIsMeasuredBoundedAsConfigured() {
        int processors = Runtime.getRuntime().availableProcessors();
        // advisor.batch.threads=0: one thread per processor; its queue holds 2 batches' parts of 500.
        assertThat(gauge("executor.pool.max", "batchAssessmentWorkers")).isEqualTo(processors);
        assertThat(gauge("executor.pool.core", "batchAssessmentWorkers")).isEqualTo(processors);
        assertThat(gauge("executor.queue.remaining", "batchAssessmentWorkers")).isEqualTo(1000);
    }

    @Test
    void theBatchPoolCountsTheCasesItAssessed() throws Exception {
        double before = completed("batchAssessmentWorkers");
        String batch = "{\"assessments\": [" + FamilyJson.inCourse("K-POOL-" + UUID.randomUUID(), "2026-11-22", "SIGNIFICANT")
                + "," + FamilyJson.inCourse("K-POOL-" + UUID.randomUUID(), "2026-11-22", "MODERATE") + "]}";

        mvc.perform(post("/api/v1/assessments:batch").contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        // A task's future is done just before its worker counts it as completed.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (completed("batchAssessmentWorkers") < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(completed("batchAssessmentWorkers")).isGreaterThanOrEqualTo(before + 2);
    }
}
