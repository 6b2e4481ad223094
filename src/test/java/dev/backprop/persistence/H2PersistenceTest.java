package dev.backprop.persistence;

import org.springframework.test.context.TestPropertySource;

/** The persistence suite on the embedded default, H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:persistence;DB_CLOSE_DELAY=-1")
class H2PersistenceTest extends PersistenceContract {
}
