package dev.backprop.persistence;

import javax.sql.DataSource;

import dev.backprop.support.Databases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistence suite on the embedded default, H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:persistence;DB_CLOSE_DELAY=-1")
class H2PersistenceTest extends PersistenceContract {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnH2() {
        assertThat(Databases.productName(dataSource)).isEqualTo("H2");
    }
}
