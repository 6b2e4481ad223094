package dev.backprop.training;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last checkpoint of each unfinished training job, as bytes ({@code bytea} on PostgreSQL, a BLOB on H2), apart
 * from the job row so job reads never load it. Runs in the caller's transaction: {@link JobLedger} writes it together
 * with the epoch it belongs to, so the stored history never runs behind a checkpoint.
 */
@Component
class CheckpointStore {

    private final JdbcTemplate jdbc;

    CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(int epoch, byte[] bytes) {
    }

    void write(long jobId, int epoch, byte[] bytes, Instant now) {
        // Delete and insert rather than an upsert: the same SQL on H2 and PostgreSQL.
        delete(jobId);
        jdbc.update("insert into training_checkpoint (job_id, epoch, bytes, created_at) values (?, ?, ?, ?)", statement -> {
            statement.setLong(1, jobId);
            statement.setInt(2, epoch);
            statement.setBinaryStream(3, new ByteArrayInputStream(bytes), bytes.length);
            statement.setObject(4, now.atOffset(ZoneOffset.UTC));
        });
    }

    Optional<Stored> read(long jobId) {
        List<Stored> found = jdbc.query("select epoch, bytes from training_checkpoint where job_id = ?",
                (row, n) -> new Stored(row.getInt(1), row.getBytes(2)), jobId);
        return found.stream().findFirst();
    }

    void delete(long jobId) {
        jdbc.update("delete from training_checkpoint where job_id = ?", jobId);
    }
}
