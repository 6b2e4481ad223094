package dev.backprop.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The raw bytes of an uploaded CSV, kept apart from {@link Dataset} so listing datasets never loads them.
 * LONG32VARBINARY maps to bytea on PostgreSQL (a JPA @Lob would leave orphaned large objects there).
 */
@Entity
@Table(name = "dataset_content")
class DatasetContent {

    @Id
    private Long datasetId;

    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    @Column(name = "bytes")
    private byte[] bytes;

    protected DatasetContent() {
    }

    DatasetContent(Long datasetId, byte[] bytes) {
        this.datasetId = datasetId;
        this.bytes = bytes;
    }

    byte[] getBytes() {
        return bytes;
    }
}
