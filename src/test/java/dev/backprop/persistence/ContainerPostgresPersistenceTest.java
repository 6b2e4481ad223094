package dev.backprop.persistence;

import javax.sql.DataSource;

import dev.backprop.support.Databases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence suite on PostgreSQL in a container, for machines with Docker; skipped without it. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresPersistenceTest extends PersistenceContract {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() {
        assertThat(Databases.productName(dataSource)).isEqualTo("PostgreSQL");
    }
}
