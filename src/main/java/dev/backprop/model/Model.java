package dev.backprop.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A validated model definition (defaults filled in) and the network it describes. */
@Entity
@Table(name = "model")
class Model {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private long datasetId;

    private boolean datasetDeleted;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "definition_json")
    private String definitionJson;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "summary_json")
    private String summaryJson;

    private Instant createdAt;

    protected Model() {
    }

    Model(String name, long datasetId, String definitionJson, String summaryJson, Instant createdAt) {
        this.name = name;
        this.datasetId = datasetId;
        this.definitionJson = definitionJson;
        this.summaryJson = summaryJson;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    long getDatasetId() {
        return datasetId;
    }

    boolean isDatasetDeleted() {
        return datasetDeleted;
    }

    void markDatasetDeleted() {
        this.datasetDeleted = true;
    }

    String getDefinitionJson() {
        return definitionJson;
    }

    String getSummaryJson() {
        return summaryJson;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
