package dev.backprop.persistence;

import dev.backprop.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence suite on an already-running PostgreSQL named by {@value PostgresTestDatabase#URL_VARIABLE};
 * {@code .ci/run} sets it when {@code pg_isready} says the local server is up.
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.URL_VARIABLE, matches = ".+")
@DirtiesContext
class LocalPostgresPersistenceTest extends PersistenceContract {

    static PostgresTestDatabase database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = PostgresTestDatabase.createSchema();
        database.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
