package dev.backprop.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * Each dataset's parsed {@link TableSnapshot}, stored like its CSV in {@link DatasetContentStore} (a {@code bytea} or
 * BLOB column, moved as JDBC streams) with the format version beside it, so a snapshot of another version is never
 * read. Runs in the caller's transaction.
 */
@Component
class DatasetSnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(DatasetSnapshotStore.class);

    private final JdbcTemplate jdbc;

    DatasetSnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A file for an upload's snapshot while the upload streams past; {@link #discard} removes it. */
    Path temporaryFile() {
        try {
            return Files.createTempFile("backprop-snapshot-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary file; a failure is only logged, so it never hides why the upload itself failed. */
    void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary snapshot file {}: {}", file, e.toString());
        }
    }

    /** Stores the snapshot written to {@code file}. */
    void write(long datasetId, Path file) {
        jdbc.execute("insert into dataset_snapshot (dataset_id, format, bytes) values (?, ?, ?)",
                (PreparedStatementCallback<Integer>) statement -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        statement.setLong(1, datasetId);
                        statement.setInt(2, TableSnapshot.VERSION);
                        statement.setBinaryStream(3, in, Files.size(file));
                        return statement.executeUpdate();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * The table, or empty when the dataset has no snapshot of the current format (uploaded before snapshots existed,
     * or before the format last changed). {@code expectedRows} only sizes the arrays.
     */
    Optional<CsvTable> read(long datasetId, int expectedRows) {
        return jdbc.query("select bytes from dataset_snapshot where dataset_id = ? and format = ?", result -> {
            if (!result.next()) {
                return Optional.<CsvTable>empty();
            }
            try (InputStream in = result.getBinaryStream(1)) {
                return Optional.of(SnapshotReader.read(in, expectedRows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, datasetId, TableSnapshot.VERSION);
    }

    void delete(long datasetId) {
        jdbc.update("delete from dataset_snapshot where dataset_id = ?", datasetId);
    }
}
