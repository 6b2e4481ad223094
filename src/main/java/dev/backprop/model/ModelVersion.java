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

/** One successful training of a model: its preprocessing state and metrics (parameters in {@link ModelParameters}). */
@Entity
@Table(name = "model_version")
class ModelVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long modelId;

    private int number;

    private long trainingJobId;

    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "preprocessor_json")
    private String preprocessorJson;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "metrics_json")
    private String metricsJson;

    protected ModelVersion() {
    }

    ModelVersion(long modelId, int number, long trainingJobId, Instant createdAt, String preprocessorJson, String metricsJson) {
        this.modelId = modelId;
        this.number = number;
        this.trainingJobId = trainingJobId;
        this.createdAt = createdAt;
        this.preprocessorJson = preprocessorJson;
        this.metricsJson = metricsJson;
    }

    Long getId() {
        return id;
    }

    long getModelId() {
        return modelId;
    }

    int getNumber() {
        return number;
    }

    long getTrainingJobId() {
        return trainingJobId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getPreprocessorJson() {
        return preprocessorJson;
    }

    String getMetricsJson() {
        return metricsJson;
    }
}
