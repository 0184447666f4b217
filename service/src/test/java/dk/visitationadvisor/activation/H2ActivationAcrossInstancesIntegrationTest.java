package dk.visitationadvisor.activation;

import java.util.List;

/** Instances sharing an H2 database in memory, as tests in one JVM can. */
class H2ActivationAcrossInstancesIntegrationTest extends ActivationAcrossInstancesContractTest {

    private final String url = "jdbc:h2:mem:across-instances-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Override
    List<String> database() {
        return List.of("--spring.datasource.url=" + url);
    }
}
