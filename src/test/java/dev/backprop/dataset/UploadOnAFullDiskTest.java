package dev.backprop.dataset;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.backprop.shared.WorkingStorageException;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

/**
 * An upload whose working copy cannot be written because the server's disk is full: Linux's {@code /dev/full} fails
 * every write with "No space left on device", as a full {@code /tmp} does. The upload must say so, store nothing, and
 * work again once there is room.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:full-disk;DB_CLOSE_DELAY=-1")
class UploadOnAFullDiskTest {

    private static final Path FULL = Path.of("/dev/full");

    @Autowired
    DatasetService datasets;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    DatasetSnapshotStore snapshots;

    @Test
    void theUploadIsRefusedAsOurStorageProblemAndNothingIsStored() {
        assumeTrue(Files.isWritable(FULL), "needs Linux's /dev/full");
        int datasetsBefore = count("dataset");
        int contentsBefore = count("dataset_content");
        int snapshotsBefore = count("dataset_snapshot");
        doAnswer(invocation -> FileChannel.open(FULL, StandardOpenOption.READ, StandardOpenOption.WRITE))
                .when(snapshots).temporaryFile();

        assertThatThrownBy(() -> datasets.upload("titanic", "processed_data.csv",
                ApiClient.resource("/data/titanic/processed_data.csv")))
                .isInstanceOf(WorkingStorageException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("Nothing was stored")
                .hasMessageContaining("java.io.tmpdir");

        assertThat(count("dataset")).isEqualTo(datasetsBefore);
        assertThat(count("dataset_content")).isEqualTo(contentsBefore);
        assertThat(count("dataset_snapshot")).isEqualTo(snapshotsBefore);

        reset(snapshots);
        DatasetInfo stored = datasets.upload("titanic", "processed_data.csv",
                ApiClient.resource("/data/titanic/processed_data.csv"));
        assertThat(datasets.table(stored.id()).rows()).hasSize((int) stored.rows());
        assertThat(count("dataset_snapshot")).isEqualTo(snapshotsBefore + 1);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
