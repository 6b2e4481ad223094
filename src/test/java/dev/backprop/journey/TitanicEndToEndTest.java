package dev.backprop.journey;

import org.springframework.test.context.TestPropertySource;

/** The Titanic journey on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:titanic-e2e;DB_CLOSE_DELAY=-1")
class TitanicEndToEndTest extends TitanicJourney {
}
