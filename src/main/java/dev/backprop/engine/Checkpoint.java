package dev.backprop.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.backprop.model.NetworkDesign;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a training run needs to go on after {@link #epoch()} as if it had never stopped: the network with its
 * updater state (Adam's moments, iteration count), the state of ND4J's random generator (dropout masks) and the
 * early-stopping bookkeeping. The shuffle needs nothing: each epoch's order is seeded by the epoch number.
 */
public final class Checkpoint {

    /** 1: the network as a ModelSerializer zip; 2: its configuration, parameters and updater state, uncompressed. */
    private static final int FORMAT = 2;
    private static final int ZIPPED_FORMAT = 1;

    private final byte[] bytes;
    private final int epoch;

    private Checkpoint(byte[] bytes, int epoch) {
        this.bytes = bytes;
        this.epoch = epoch;
    }

    static Checkpoint capture(MultiLayerNetwork network, int epoch, EarlyStopping stopping) {
        INDArray updaterState = network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
        EarlyStopping.State state = stopping == null ? null : stopping.state();
        // Sized for the arrays up front: growing by doubling copied MNIST's 2.8 MB about three times over per checkpoint.
        long arrays = network.params().length() + (updaterState == null ? 0 : updaterState.length())
                + (state == null || state.bestParameters() == null ? 0 : state.bestParameters().length());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, 4 * arrays + 65_536));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(FORMAT);
            out.writeInt(epoch);
            out.writeLong(Nd4j.getRandom().rootState());
            out.writeLong(Nd4j.getRandom().nodeState());
            out.writeBoolean(state != null);
            if (state != null) {
                out.writeDouble(state.best());
                out.writeInt(state.bestEpoch());
                out.writeInt(state.sinceBest());
                out.writeBoolean(state.bestParameters() != null);
                if (state.bestParameters() != null) {
                    write(state.bestParameters(), out);
                }
            }
            // Not ModelSerializer's zip: deflating MNIST's parameters and Adam's moments (2.8 MB) took 0.1 s of the
            // training thread per checkpoint, writing them as they are takes a few milliseconds.
            byte[] configuration = network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8);
            out.writeInt(configuration.length);
            out.write(configuration);
            write(network.params(), out);
            out.writeBoolean(updaterState != null);
            if (updaterState != null) {
                write(updaterState, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoint(buffer.toByteArray(), epoch);
    }

    /**
     * The bytes {@code Nd4j.write} gives, which {@code Nd4j.read} reads back, with a float array's values copied in
     * bulk: {@code Nd4j.write} reads and writes them one at a time, 13 ms for MNIST's parameters and Adam's moments,
     * on the training thread at every checkpoint.
     */
    static void write(INDArray array, DataOutputStream out) throws IOException {
        INDArray whole = array.isView() ? array.dup() : array;
        DataBuffer data = whole.data();
        if (data.dataType() != DataType.FLOAT || data.offset() != 0 || data.length() > Integer.MAX_VALUE / Float.BYTES) {
            Nd4j.write(array, out);
            return;
        }
        whole.shapeInfoDataBuffer().write(out);
        out.writeUTF(data.allocationMode().name());
        out.writeLong(data.length());
        out.writeUTF(data.dataType().name());
        int length = (int) data.length();
        java.nio.FloatBuffer values = data.asNio().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        // DataOutputStream's order (big-endian), a chunk at a time so the copy stays small.
        byte[] chunk = new byte[Math.min(length, 16_384) * Float.BYTES];
        java.nio.FloatBuffer bigEndian = java.nio.ByteBuffer.wrap(chunk).order(java.nio.ByteOrder.BIG_ENDIAN).asFloatBuffer();
        for (int from = 0; from < length; from += bigEndian.capacity()) {
            int count = Math.min(bigEndian.capacity(), length - from);
            bigEndian.clear();
            bigEndian.put(values.limit(from + count).position(from));
            out.write(chunk, 0, count * Float.BYTES);
        }
    }

    /** Reads a stored checkpoint; throws {@link IllegalArgumentException} when the bytes are not one. */
    public static Checkpoint fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT && format != ZIPPED_FORMAT) {
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
            int format = in.readInt();
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
            MultiLayerNetwork network = format == ZIPPED_FORMAT ? readZipped(in) : read(in);
            // After the restore: initialising a network may reseed the generator.
            Nd4j.getRandom().setStates(rootState, nodeState);
            return new Resumed(network, stopping);
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint cannot be read", e);
        }
    }

    /** As ModelSerializer restores a network with its updater. */
    private static MultiLayerNetwork read(DataInputStream in) throws IOException {
        byte[] configuration = new byte[in.readInt()];
        in.readFully(configuration);
        MultiLayerNetwork network = new MultiLayerNetwork(
                MultiLayerConfiguration.fromJson(new String(configuration, StandardCharsets.UTF_8)));
        network.init(Nd4j.read(in), false);
        if (in.readBoolean()) {
            network.getUpdater().setStateViewArray(network, Nd4j.read(in), false);
        }
        return network;
    }

    /** A checkpoint an earlier version stored (a running job re-queued across an upgrade). */
    private static MultiLayerNetwork readZipped(DataInputStream in) throws IOException {
        byte[] model = new byte[in.readInt()];
        in.readFully(model);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), true);
    }

    record Resumed(MultiLayerNetwork network, EarlyStopping stopping) {
    }
}
