package dev.backprop.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just the single-row comparison (prediction against the ceiling endpoint), for iterating on the prediction path in
 * minutes rather than a full suite run. Trains the synthetic model once (one epoch on 20,000 rows: the network's
 * shape, not its accuracy, sets the cost of a prediction), then measures every round at each concurrency.
 *
 * <p>Arguments: {@code [--clients 1,8,64] [--seconds 6] [--rounds 1] [--jvm OPTION]... [--NAME=VALUE]...}; each
 * {@code --jvm} option goes to the server's JVM (e.g. {@code --jvm -XX:StartFlightRecording=filename=x.jfr}), any other
 * {@code --NAME=VALUE} is a server setting (e.g. {@code --server.tomcat.threads.max=8}).
 * Started by {@code src/benchmark/run-single-row}.
 */
public final class SingleRowBenchmark {

    private SingleRowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> clients = List.of(1, 8, 64);
        Duration duration = Duration.ofSeconds(6);
        int rounds = 1;
        List<String> jvmOptions = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> duration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jvm" -> jvmOptions.add(args[++i]);
                default -> settings.add(args[i]);
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("backprop-single-row-");
        Path synthetic = Workload.writeSynthetic(work.resolve("synthetic.csv"), 20_000);
        Path jar = Files.list(repo.resolve("target")).filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw -Pbenchmark package"));
        try (Server server = Server.start(jar, jvmOptions, settings)) {
            System.out.printf("Server up in %.1f s; log %s%n", server.startupSeconds, server.log());
            Api api = new Api(server.port, server.key);
            long dataset = api.upload("synthetic.csv", Files.readAllBytes(synthetic));
            Workload workload = Workload.all(repo, synthetic, true).get(1);
            long model = api.defineModel(workload.definition(dataset, 1));
            TrainingBenchmarks.trainThroughService(api, model);
            PredictionBenchmarks predictions = new PredictionBenchmarks(server, api, synthetic, 1_000);
            for (int round = 1; round <= rounds; round++) {
                System.out.println("Round " + round + ":");
                for (PredictionBenchmarks.SingleRow row : predictions.singleRow(model, clients, Duration.ofSeconds(2),
                        duration)) {
                    System.out.printf("  %2d clients: predict/ceiling %.2f×, p99 %.2f ms vs ceiling p99 %.2f ms%n",
                            row.predict().clients(), row.predict().perSecond() / row.ceiling().perSecond(),
                            row.predict().p99Ms(), row.ceiling().p99Ms());
                }
            }
        }
    }
}
