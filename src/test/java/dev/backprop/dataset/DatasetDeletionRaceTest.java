package dev.backprop.dataset;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelService;
import dev.backprop.shared.ConflictException;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A definition and the deletion of its dataset at the same moment: the deletion must wait for the definition and
 * then refuse, instead of leaving a model on a dataset that no longer exists (found by the load script).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:deletion-race;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class DatasetDeletionRaceTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    ModelService models;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDeleteThatArrivesWhileAModelIsBeingDefinedWaitsAndThenSeesTheModel() throws Exception {
        long datasetId = datasets.upload("titanic", "processed_data.csv",
                ApiClient.resource("/data/titanic/processed_data.csv")).id();
        ModelDefinition definition = JsonMapper.builder().build().readValue("""
                {"datasetId": %d, "target": "Survived", "preset": "logistic-regression"}""".formatted(datasetId),
                ModelDefinition.class);
        CountDownLatch defined = new CountDownLatch(1);
        Thread definer = new Thread(() -> transactions.executeWithoutResult(status -> {
            models.define(definition);
            defined.countDown();
            // Still inside the definition's transaction: without the lock, a delete now sees no model yet.
            ApiClient.sleep(java.time.Duration.ofMillis(500));
        }));
        definer.start();
        assertThat(defined.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> datasets.delete(datasetId, false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is used by");
        definer.join();
        assertThat(datasets.get(datasetId).id()).isEqualTo(datasetId);
    }
}
