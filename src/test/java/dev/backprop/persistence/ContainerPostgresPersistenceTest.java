package dev.backprop.persistence;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The persistence suite on PostgreSQL in a container, for machines with Docker; skipped without it. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresPersistenceTest extends PersistenceContract {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
}
