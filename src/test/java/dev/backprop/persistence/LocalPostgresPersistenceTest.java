package dev.backprop.persistence;

import javax.sql.DataSource;

import dev.backprop.support.Databases;
import dev.backprop.support.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence suite on an already-running PostgreSQL named by {@value PostgresSchema#URL_VARIABLE};
 * {@code .ci/run} sets it when {@code pg_isready} says the local server is up.
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.URL_VARIABLE, matches = ".+")
@DirtiesContext
class LocalPostgresPersistenceTest extends PersistenceContract {

    static PostgresSchema database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = PostgresSchema.createSchema();
        database.register(registry);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() {
        assertThat(Databases.productName(dataSource)).isEqualTo("PostgreSQL");
    }
}
