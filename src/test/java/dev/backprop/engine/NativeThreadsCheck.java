package dev.backprop.engine;

import java.lang.management.ManagementFactory;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Shows whether {@link NativeThreads#limit} takes effect: trains a network wide enough for ND4J to split its matrix
 * products, and prints the process's CPU time over wall time (about 1 with one native thread per operation, more
 * when ND4J uses several cores). Run it with OMP_NUM_THREADS unset, once with and once without a cap:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) dev.backprop.engine.NativeThreadsCheck 1
 * java -cp … dev.backprop.engine.NativeThreadsCheck none
 * </pre>
 * Not a test: its figures depend on the machine and on what else runs.
 */
public final class NativeThreadsCheck {

    public static void main(String[] args) {
        String cap = args.length > 0 ? args[0] : "1";
        NativeThreads.Settings settings = cap.equals("none") ? NativeThreads.current() : NativeThreads.limit(Integer.parseInt(cap));
        System.out.println("cap " + cap + ": " + settings);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(256).nOut(1024).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(1024).nOut(1024).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1024).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        network.init();
        DataSet batch = new DataSet(Nd4j.rand(512, 256), Nd4j.rand(512, 1));
        for (int i = 0; i < 5; i++) {
            network.fit(batch);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.util.Map<String, Long> before = threadTicks();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            network.fit(batch);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        java.util.Map<String, Long> after = threadTicks();
        long total = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        // A thread counts as computing when it did at least 10% of the CPU work: a busy core, not bookkeeping.
        long computing = after.entrySet().stream()
                .filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) >= 0.1 * total).count();
        System.out.printf("cap %s: %d steps in %.2f s wall, %.2f s CPU (%.2f cores busy); threads doing >= 10%% of the"
                + " work: %d of %d%n", cap, steps, wall, cpu, cpu / wall, computing, after.size());
    }

    /** CPU ticks (user + system) of every thread of this process, from /proc. */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.HashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (java.io.IOException e) {
                    // the thread ended in between
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ticks;
    }
}
