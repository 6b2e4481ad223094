package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.backprop.model.NetworkDesign;
import dev.backprop.model.NetworkDesign.HiddenLayer;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run stopped after epoch k and resumed from its checkpoint goes on at k + 1 and ends exactly where an
 * uninterrupted run ends: same losses every epoch, same weights. Dropout makes this depend on ND4J's generator
 * state, Adam on its moments, early stopping on its best-so-far; all three are in the checkpoint.
 */
class CheckpointResumeTest {

    private static final TargetEncoder BINARY = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);

    private final Trainer trainer = new Trainer();

    private static NetworkDesign design(int epochs, NetworkDesign.EarlyStop earlyStop) {
        NetworkDesign.Training training = new NetworkDesign.Training(0, "xavier", 0.9, null, 1, 1, null, null, earlyStop);
        return new NetworkDesign(3, List.of(new HiddenLayer("dense", 16, "relu", 0), new HiddenLayer("dropout", 0, null, 0.3),
                new HiddenLayer("dense", 8, "tanh", 0)), 1, "sigmoid", "binary_crossentropy", "adam", 0.02, 0.0, 16, epochs,
                7L, training);
    }

    /** Noisy points: class 1 when x + y - z plus noise is positive, so the loss keeps moving for a while. */
    private static TrainingData noisy() {
        Random random = new Random(11);
        float[][] x = new float[200][];
        float[][] y = new float[200][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian()};
            y[i] = new float[] {x[i][0] + x[i][1] - x[i][2] + random.nextGaussian() > 0 ? 1f : 0f};
        }
        return new TrainingData(java.util.Arrays.copyOf(x, 150), java.util.Arrays.copyOf(y, 150),
                java.util.Arrays.copyOfRange(x, 150, 200), java.util.Arrays.copyOfRange(y, 150, 200));
    }

    @Test
    void aResumedRunContinuesAfterTheCheckpointAndEndsExactlyLikeAnUninterruptedOne() {
        NetworkDesign design = design(12, null);
        List<EpochStats> uninterrupted = new ArrayList<>();
        TrainingOutcome whole = trainer.train(design, noisy(), BINARY, uninterrupted::add);

        List<EpochStats> firstPart = new ArrayList<>();
        Checkpoint[] taken = new Checkpoint[1];
        trainer.train(design, noisy(), BINARY, null, (stats, checkpoint) -> {
            firstPart.add(stats);
            if (stats.epoch() == 5) {
                taken[0] = checkpoint.get();
                return false;
            }
            return true;
        });
        // Whatever ran on this thread in between (another job, a prediction) must not matter.
        Nd4j.getRandom().setSeed(12345);
        Nd4j.rand(50, 50);
        Checkpoint stored = Checkpoint.fromBytes(taken[0].toBytes());
        List<EpochStats> secondPart = new ArrayList<>();
        TrainingOutcome resumed = trainer.train(design, noisy(), BINARY, stored, (stats, checkpoint) -> secondPart.add(stats));

        assertThat(stored.epoch()).isEqualTo(5);
        assertThat(secondPart).extracting(EpochStats::epoch).containsExactly(6, 7, 8, 9, 10, 11, 12);
        List<EpochStats> joined = new ArrayList<>(firstPart);
        joined.addAll(secondPart);
        assertThat(joined).containsExactlyElementsOf(uninterrupted);
        assertThat(resumed.network().network().params()).isEqualTo(whole.network().network().params());
    }

    @Test
    void aCheckpointInTheEarlierZippedFormatStillResumesExactly() throws Exception {
        NetworkDesign design = design(8, null);
        List<EpochStats> uninterrupted = new ArrayList<>();
        TrainingOutcome whole = trainer.train(design, noisy(), BINARY, uninterrupted::add);
        Checkpoint[] taken = new Checkpoint[1];
        trainer.train(design, noisy(), BINARY, null, (stats, checkpoint) -> {
            if (stats.epoch() == 3) {
                taken[0] = checkpoint.get();
            }
            return stats.epoch() < 3;
        });
        // The same state as format 1 wrote it: the header, then the network as ModelSerializer's zip with its updater.
        java.io.DataInputStream header = new java.io.DataInputStream(new java.io.ByteArrayInputStream(taken[0].toBytes()));
        assertThat(header.readInt()).isEqualTo(2);
        int epoch = header.readInt();
        long rootState = header.readLong();
        long nodeState = header.readLong();
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        org.deeplearning4j.util.ModelSerializer.writeModel(taken[0].resume(null).network(), zip, true);
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(old)) {
            out.writeInt(1);
            out.writeInt(epoch);
            out.writeLong(rootState);
            out.writeLong(nodeState);
            out.writeBoolean(false);
            out.writeInt(zip.size());
            zip.writeTo(out);
        }

        List<EpochStats> rest = new ArrayList<>();
        TrainingOutcome resumed = trainer.train(design, noisy(), BINARY, Checkpoint.fromBytes(old.toByteArray()),
                (stats, checkpoint) -> rest.add(stats));

        assertThat(rest).containsExactlyElementsOf(uninterrupted.subList(3, 8));
        assertThat(resumed.network().network().params()).isEqualTo(whole.network().network().params());
    }

    @Test
    void earlyStoppingStateSurvivesTheCheckpoint() {
        NetworkDesign design = design(200, new NetworkDesign.EarlyStop("test_loss", 3, 0.0, true));
        List<EpochStats> uninterrupted = new ArrayList<>();
        TrainingOutcome whole = trainer.train(design, noisy(), BINARY, uninterrupted::add);
        assertThat(whole.earlyStopped()).as("the test needs a run that stops early").isTrue();
        int stopAt = uninterrupted.size();
        int interruptAt = stopAt - 2;

        Checkpoint[] taken = new Checkpoint[1];
        trainer.train(design, noisy(), BINARY, null, (stats, checkpoint) -> {
            if (stats.epoch() == interruptAt) {
                taken[0] = checkpoint.get();
                return false;
            }
            return true;
        });
        List<EpochStats> secondPart = new ArrayList<>();
        TrainingOutcome resumed = trainer.train(design, noisy(), BINARY, Checkpoint.fromBytes(taken[0].toBytes()),
                (stats, checkpoint) -> secondPart.add(stats));

        assertThat(secondPart).containsExactlyElementsOf(uninterrupted.subList(interruptAt, stopAt));
        assertThat(resumed.earlyStopped()).isTrue();
        assertThat(resumed.keptEpoch()).isEqualTo(whole.keptEpoch());
        assertThat(resumed.network().network().params()).isEqualTo(whole.network().network().params());
    }

    @Test
    void noCheckpointIsOfferedForTheEpochThatEndsTraining() {
        List<Boolean> offered = new ArrayList<>();
        trainer.train(design(4, null), noisy(), BINARY, null, (stats, checkpoint) -> offered.add(checkpoint != null));

        assertThat(offered).containsExactly(true, true, true, false);
    }

    @Test
    void bytesThatAreNoCheckpointAreRejected() {
        assertThatThrownBy(() -> Checkpoint.fromBytes(new byte[] {0, 0, 0, 9, 0, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> Checkpoint.fromBytes(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
