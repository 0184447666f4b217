package dk.visitationadvisor.casehistory;

import org.springframework.test.context.TestPropertySource;

/** The case history contract on H2, the embedded default: runs in every build. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:assessment-store-contract;DB_CLOSE_DELAY=-1")
class H2AssessmentStoreTest extends AssessmentStoreContractTest {
}
