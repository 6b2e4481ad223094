package dev.backprop.dataset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An uploaded CSV's metadata and inferred schema; the bytes live in {@link DatasetContent}. */
@Entity
@Table(name = "dataset")
class Dataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String filename;

    private long sizeBytes;

    private long rowCount;

    private int columnCount;

    private String contentSha256;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "schema_json")
    private String schemaJson;

    private Instant createdAt;

    protected Dataset() {
    }

    Dataset(String name, String filename, long sizeBytes, long rowCount, int columnCount, String contentSha256,
            String schemaJson, Instant createdAt) {
        this.name = name;
        this.filename = filename;
        this.sizeBytes = sizeBytes;
        this.rowCount = rowCount;
        this.columnCount = columnCount;
        this.contentSha256 = contentSha256;
        this.schemaJson = schemaJson;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getFilename() {
        return filename;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    long getRowCount() {
        return rowCount;
    }

    int getColumnCount() {
        return columnCount;
    }

    String getContentSha256() {
        return contentSha256;
    }

    String getSchemaJson() {
        return schemaJson;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
