package dev.backprop.journey;

import javax.sql.DataSource;

import dev.backprop.support.Databases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Titanic journey on the embedded H2 database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:titanic-e2e;DB_CLOSE_DELAY=-1")
class TitanicEndToEndTest extends TitanicJourney {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnH2() {
        assertThat(Databases.productName(dataSource)).isEqualTo("H2");
    }
}
