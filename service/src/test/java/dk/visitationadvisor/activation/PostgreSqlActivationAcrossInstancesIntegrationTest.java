package dk.visitationadvisor.activation;

import dk.visitationadvisor.support.PostgreSqlTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** Instances on one PostgreSQL database, as the postgresql profile deploys them. */
@Tag("postgresql")
class PostgreSqlActivationAcrossInstancesIntegrationTest extends ActivationAcrossInstancesContractTest {

    private PostgreSqlTestDatabase database;

    @BeforeEach
    void emptySchema() {
        database = PostgreSqlTestDatabase.newSchema("activation");
    }

    @AfterEach
    void dropSchema() {
        database.drop();
    }

    @Override
    List<String> database() {
        return List.of("--spring.profiles.active=postgresql", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password());
    }
}
