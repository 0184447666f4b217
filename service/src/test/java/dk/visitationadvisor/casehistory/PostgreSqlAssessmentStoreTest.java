package dk.visitationadvisor.casehistory;

import dk.visitationadvisor.support.PostgreSqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case history contract on a real PostgreSQL server, with the service's {@code postgresql} profile,
 * in a new empty schema. Runs only in the Maven profile {@code postgresql-tests} (see docs/postgresql.md).
 */
@Tag("postgresql")
@ActiveProfiles("postgresql")
class PostgreSqlAssessmentStoreTest extends AssessmentStoreContractTest {

    private static PostgreSqlTestDatabase database;

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        database = PostgreSqlTestDatabase.newSchema("store_contract");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
