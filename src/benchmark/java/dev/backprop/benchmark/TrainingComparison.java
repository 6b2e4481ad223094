package dev.backprop.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Just the training comparison (service against raw DL4J), for iterating on a job's overhead in minutes rather than
 * a full suite run. Every round prints both figures and the job's phases as the service logged them, so a round
 * that fell into a slow spell of the machine shows as one; the summary takes the best of each, as the suite does.
 * Each workload's first service job is a warm-up, printed but not counted, as in the suite.
 *
 * <p>Arguments: {@code [--workloads titanic,synthetic,mnist] [--rounds 4] [--jar JAR] [--jvm OPTION]...}. Started by
 * {@code src/benchmark/run-training}.
 */
public final class TrainingComparison {

    private TrainingComparison() {
    }

    public static void main(String[] args) throws Exception {
        List<String> keys = List.of("titanic", "synthetic", "mnist");
        int rounds = 4;
        Path jar = null;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workloads" -> keys = Arrays.asList(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--jvm" -> jvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("backprop-training-");
        Path synthetic = Workload.writeSynthetic(work.resolve("synthetic.csv"), 100_000);
        List<String> wanted = keys;
        List<Workload> workloads = Workload.all(repo, synthetic, false).stream().filter(w -> wanted.contains(w.key())).toList();
        if (jar == null) {
            jar = Files.list(repo.resolve("target")).filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw -Pbenchmark package"));
        }
        TrainingBenchmarks training = new TrainingBenchmarks(work, repo.resolve("target/benchmark.classpath"));
        try (Server server = Server.start(jar, jvmOptions, List.of())) {
            System.out.printf("Server up in %.1f s; log %s%n", server.startupSeconds, server.log());
            Api api = new Api(server.port, server.key);
            for (Workload workload : workloads) {
                long dataset = api.upload(workload.data().getFileName().toString(), Files.readAllBytes(workload.data()));
                String definition = workload.definition(dataset, workload.epochs());
                long model = api.defineModel(definition);
                System.out.printf("  %s warm-up job (not counted): %.3f s | %s%n", workload.key(),
                        TrainingBenchmarks.trainThroughService(api, model)[1], lastJobLine(server.log()));
                double best = Double.MAX_VALUE;
                double bestRaw = 0;
                long rows = 0;
                for (int round = 1; round <= rounds; round++) {
                    double seconds = TrainingBenchmarks.trainThroughService(api, model)[1];
                    JsonNode raw = training.raw(workload, definition, TrainingBenchmarks.Variant.shipped(), List.of());
                    rows = raw.get("trainRows").asLong();
                    double rawRate = raw.get("samplesPerSecond").asDouble();
                    best = Math.min(best, seconds);
                    bestRaw = Math.max(bestRaw, rawRate);
                    System.out.printf("  %s round %d: service %.3f s (%.0f samples/s), raw DL4J %.0f samples/s: %.2f | %s%n",
                            workload.key(), round, seconds, rows * workload.epochs() / seconds, rawRate,
                            rows * workload.epochs() / seconds / rawRate, lastJobLine(server.log()));
                }
                double service = rows * workload.epochs() / best;
                System.out.printf("%s: best service %.0f samples/s, best raw DL4J %.0f samples/s: service ÷ raw %.2f%n",
                        workload.key(), service, bestRaw, service / bestRaw);
            }
        }
    }

    private static String lastJobLine(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            int at = lines.get(i).indexOf(" succeeded in ");
            if (at >= 0) {
                return lines.get(i).substring(at + 1);
            }
        }
        return "";
    }
}
