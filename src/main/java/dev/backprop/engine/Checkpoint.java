package dev.backprop.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.backprop.model.NetworkDesign;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a training run needs to go on after {@link #epoch()} as if it had never stopped: the network with its
 * updater state (Adam's moments, iteration count), the state of ND4J's random generator (dropout masks) and the
 * early-stopping bookkeeping. The shuffle needs nothing: each epoch's order is seeded by the epoch number.
 */
public final class Checkpoint {

    private static final int FORMAT = 1;

    private final byte[] bytes;
    private final int epoch;

    private Checkpoint(byte[] bytes, int epoch) {
        this.bytes = bytes;
        this.epoch = epoch;
    }

    static Checkpoint capture(MultiLayerNetwork network, int epoch, EarlyStopping stopping) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            out.writeInt(epoch);
            out.writeLong(Nd4j.getRandom().rootState());
            out.writeLong(Nd4j.getRandom().nodeState());
            EarlyStopping.State state = stopping == null ? null : stopping.state();
            out.writeBoolean(state != null);
            if (state != null) {
                out.writeDouble(state.best());
                out.writeInt(state.bestEpoch());
                out.writeInt(state.sinceBest());
                out.writeBoolean(state.bestParameters() != null);
                if (state.bestParameters() != null) {
                    Nd4j.write(state.bestParameters(), out);
                }
            }
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, model, true);
            out.writeInt(model.size());
            model.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoint(buffer.toByteArray(), epoch);
    }

    /** Reads a stored checkpoint; throws {@link IllegalArgumentException} when the bytes are not one. */
    public static Checkpoint fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown checkpoint format " + format);
            }
            return new Checkpoint(bytes, in.readInt());
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a checkpoint", e);
        }
    }

    public byte[] toBytes() {
        return bytes;
    }

    /** The last epoch the checkpoint includes; training goes on with the next one. */
    public int epoch() {
        return epoch;
    }

    /** The network and early-stopping state as they were; ND4J's generator on this thread is put back too. */
    Resumed resume(NetworkDesign.EarlyStop earlyStop) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readInt();
            in.readInt();
            long rootState = in.readLong();
            long nodeState = in.readLong();
            EarlyStopping stopping = earlyStop == null ? null : new EarlyStopping(earlyStop);
            if (in.readBoolean()) {
                double best = in.readDouble();
                int bestEpoch = in.readInt();
                int sinceBest = in.readInt();
                INDArray bestParameters = in.readBoolean() ? Nd4j.read(in) : null;
                if (stopping != null) {
                    stopping.restoreState(new EarlyStopping.State(best, bestEpoch, sinceBest, bestParameters));
                }
            }
            byte[] model = new byte[in.readInt()];
            in.readFully(model);
            MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), true);
            // After the restore: initialising a network may reseed the generator.
            Nd4j.getRandom().setStates(rootState, nodeState);
            return new Resumed(network, stopping);
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint cannot be read", e);
        }
    }

    record Resumed(MultiLayerNetwork network, EarlyStopping stopping) {
    }
}
