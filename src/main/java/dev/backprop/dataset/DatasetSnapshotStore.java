package dev.backprop.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import dev.backprop.shared.WorkingStorageException;
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

    private final JdbcTemplate jdbc;

    DatasetSnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A file for an upload's snapshot while the upload streams past, gone when the channel is closed. Opened
     * delete-on-close, which on Linux unlinks it at once: a process killed mid-upload leaves nothing behind (the crash
     * test's kills left one file each while it was deleted in a {@code finally}).
     */
    FileChannel temporaryFile() {
        try {
            return FileChannel.open(Files.createTempFile("backprop-snapshot-", ".bin"), StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** The answer to a failed write of an upload's working copy: the server's disk, not the caller's file. */
    static WorkingStorageException cannotWrite(IOException e) {
        return new WorkingStorageException("The server could not write this upload's working copy to its temporary directory ("
                + e.getMessage() + "). Nothing was stored. Retry later; if it happens again, the operator must give the"
                + " temporary directory (java.io.tmpdir, /tmp in the image) more room: an upload in progress needs up to"
                + " about twice its CSV's size there.", e);
    }

    /** Stores the snapshot written to {@code file}, read from its start; the channel stays open. */
    void write(long datasetId, FileChannel file) {
        jdbc.execute("insert into dataset_snapshot (dataset_id, format, bytes) values (?, ?, ?)",
                (PreparedStatementCallback<Integer>) statement -> {
                    try {
                        long size = file.size();
                        file.position(0);
                        statement.setLong(1, datasetId);
                        statement.setInt(2, TableSnapshot.VERSION);
                        statement.setBinaryStream(3, Channels.newInputStream(file), size);
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
