package dev.backprop.training;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One request to train a model, with its progress and outcome. The worker and the API change it concurrently
 * (progress vs. cancel), so updates are versioned and write only the columns they change.
 */
@Entity
@DynamicUpdate
@Table(name = "training_job")
class TrainingJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long modelId;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    private int epoch;

    private int epochs;

    private Double trainLoss;

    private Double testLoss;

    private int attempts;

    private boolean cancelRequested;

    @Column(length = 2000)
    private String message;

    private Integer modelVersion;

    private boolean earlyStopped;

    private Integer keptEpoch;

    private Instant createdAt;

    private Instant startedAt;

    private Instant finishedAt;

    private Instant heartbeatAt;

    @Enumerated(EnumType.STRING)
    private JobKind kind = JobKind.TRAINING;

    @Column(length = 200)
    private String progress;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR)
    @Column(name = "spec_json")
    private String specJson;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR)
    @Column(name = "result_json")
    private String resultJson;

    @Version
    private long version;

    protected TrainingJob() {
    }

    TrainingJob(long modelId, int epochs, Instant createdAt, JobKind kind, String specJson) {
        this(modelId, epochs, createdAt);
        this.kind = kind;
        this.specJson = specJson;
    }

    void progress(String progress) {
        this.progress = progress;
    }

    void result(String resultJson) {
        this.resultJson = resultJson;
    }

    JobKind getKind() {
        return kind;
    }

    String getProgress() {
        return progress;
    }

    String getSpecJson() {
        return specJson;
    }

    String getResultJson() {
        return resultJson;
    }

    TrainingJob(long modelId, int epochs, Instant createdAt) {
        this.modelId = modelId;
        this.epochs = epochs;
        this.createdAt = createdAt;
        this.status = JobStatus.QUEUED;
    }

    void start(Instant now, String note) {
        status = JobStatus.RUNNING;
        attempts++;
        epoch = 0;
        trainLoss = null;
        testLoss = null;
        startedAt = now;
        heartbeatAt = now;
        message = note;
    }

    /** Starts again after {@code epoch}, with that epoch's losses, as a checkpoint allows. */
    void resumeAfter(int epoch, Double trainLoss, Double testLoss) {
        this.epoch = epoch;
        this.trainLoss = trainLoss;
        this.testLoss = testLoss;
    }

    void progress(int epoch, double trainLoss, double testLoss, Instant now) {
        this.epoch = epoch;
        this.trainLoss = trainLoss;
        this.testLoss = testLoss;
        this.heartbeatAt = now;
    }

    void requeue(String reason) {
        status = JobStatus.QUEUED;
        message = reason;
    }

    /** A clean shutdown is not the job's fault: the interrupted run does not count as an attempt. */
    void requeueAfterShutdown(String reason) {
        status = JobStatus.QUEUED;
        attempts = Math.max(0, attempts - 1);
        message = reason;
    }

    void finish(JobStatus outcome, String message, Integer modelVersion, Instant now) {
        this.status = outcome;
        if (message != null) {
            // Without a new message the last note stays (e.g. that this run restarted after an interruption).
            this.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        }
        this.modelVersion = modelVersion;
        this.finishedAt = now;
    }

    /** Early stopping ended the run; the stored version has the weights of {@code keptEpoch}. */
    void stoppedEarly(int keptEpoch) {
        this.earlyStopped = true;
        this.keptEpoch = keptEpoch;
    }

    void keptEpoch(int keptEpoch) {
        this.keptEpoch = keptEpoch;
    }

    boolean isEarlyStopped() {
        return earlyStopped;
    }

    Integer getKeptEpoch() {
        return keptEpoch;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void heartbeat(Instant now) {
        heartbeatAt = now;
    }

    Long getId() {
        return id;
    }

    long getModelId() {
        return modelId;
    }

    JobStatus getStatus() {
        return status;
    }

    int getEpoch() {
        return epoch;
    }

    int getEpochs() {
        return epochs;
    }

    Double getTrainLoss() {
        return trainLoss;
    }

    Double getTestLoss() {
        return testLoss;
    }

    int getAttempts() {
        return attempts;
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    String getMessage() {
        return message;
    }

    Integer getModelVersion() {
        return modelVersion;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    Instant getHeartbeatAt() {
        return heartbeatAt;
    }
}
