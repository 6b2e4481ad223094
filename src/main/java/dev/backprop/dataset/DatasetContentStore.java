package dev.backprop.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import dev.backprop.shared.NotFoundException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * The raw bytes of uploaded CSVs, apart from the dataset rows so listings never load them, and moved as streams
 * (JDBC binary streams) rather than as one array. The column is {@code bytea} on PostgreSQL (a JPA {@code @Lob}
 * would leave orphaned large objects there) and a BLOB on H2. Runs in the caller's transaction.
 */
@Component
class DatasetContentStore {

    private final JdbcTemplate jdbc;

    DatasetContentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(long datasetId, InputStreamSource source, long size) {
        jdbc.execute("insert into dataset_content (dataset_id, bytes) values (?, ?)", (PreparedStatementCallback<Integer>) statement -> {
            try (InputStream in = source.getInputStream()) {
                statement.setLong(1, datasetId);
                statement.setBinaryStream(2, in, size);
                return statement.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    <T> T read(long datasetId, Function<InputStream, T> reader) {
        return jdbc.query("select bytes from dataset_content where dataset_id = ?", result -> {
            if (!result.next()) {
                throw new NotFoundException("Content of dataset", datasetId);
            }
            try (InputStream in = result.getBinaryStream(1)) {
                return reader.apply(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, datasetId);
    }

    void delete(long datasetId) {
        jdbc.update("delete from dataset_content where dataset_id = ?", datasetId);
    }
}
