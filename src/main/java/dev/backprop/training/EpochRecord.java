package dev.backprop.training;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Loss and accuracy on both parts after one epoch of a job. */
@Entity
@Table(name = "training_epoch")
class EpochRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long jobId;

    private int epoch;

    private double trainLoss;

    private double testLoss;

    private Double trainAccuracy;

    private Double testAccuracy;

    protected EpochRecord() {
    }

    EpochRecord(long jobId, int epoch, double trainLoss, double testLoss, Double trainAccuracy, Double testAccuracy) {
        this.jobId = jobId;
        this.epoch = epoch;
        this.trainLoss = trainLoss;
        this.testLoss = testLoss;
        this.trainAccuracy = trainAccuracy;
        this.testAccuracy = testAccuracy;
    }

    int getEpoch() {
        return epoch;
    }

    double getTrainLoss() {
        return trainLoss;
    }

    double getTestLoss() {
        return testLoss;
    }

    Double getTrainAccuracy() {
        return trainAccuracy;
    }

    Double getTestAccuracy() {
        return testAccuracy;
    }
}
