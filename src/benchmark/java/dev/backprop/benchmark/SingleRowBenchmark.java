package dev.backprop.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just the single-row comparison (prediction against the ceiling endpoint), for iterating on the prediction path in
 * minutes rather than a full suite run. Besides requests per second it reports the server's CPU time per request,
 * which stays comparable when other processes on the machine make throughput swing. Trains the synthetic model once (one epoch on 20,000 rows: the network's
 * shape, not its accuracy, sets the cost of a prediction), then measures every round at each concurrency.
 *
 * <p>Arguments: {@code [--clients 1,8,64] [--seconds 6] [--rounds 1] [--hold SECONDS] [--jar JAR] [--jvm OPTION]... [--NAME=VALUE]...}; each
 * {@code --jvm} option goes to the server's JVM (e.g. {@code --jvm -XX:StartFlightRecording=filename=x.jfr}), any other
 * {@code --NAME=VALUE} is a server setting (e.g. {@code --server.tomcat.threads.max=8}). {@code --jar} measures another build
 * (the one before a change, say) instead of the one in {@code target/}.
 * Started by {@code src/benchmark/run-single-row}.
 */
public final class SingleRowBenchmark {

    /** A load run and the server's CPU time per request over it. */
    private record Measured(LoadGenerator.Result load, double cpuMicros) {
    }

    /** Warms up unrecorded first, so the CPU time read around the recorded run is the recorded requests' own. */
    private static Measured measure(Server server, String path, int clients, Duration duration) throws InterruptedException {
        LoadGenerator.run(server.port, server.key, path, clients, Duration.ofSeconds(2), Duration.ZERO, null);
        double cpu = server.cpuSeconds();
        LoadGenerator.Result load = LoadGenerator.run(server.port, server.key, path, clients, Duration.ZERO, duration, null);
        return new Measured(load, (server.cpuSeconds() - cpu) * 1e6 / load.requests());
    }

    private SingleRowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> clients = List.of(1, 8, 64);
        Duration duration = Duration.ofSeconds(6);
        int rounds = 1;
        long holdSeconds = 0;
        List<String> jvmOptions = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> duration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jvm" -> jvmOptions.add(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--hold" -> holdSeconds = Long.parseLong(args[++i]);
                default -> settings.add(args[i]);
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("backprop-single-row-");
        Path synthetic = Workload.writeSynthetic(work.resolve("synthetic.csv"), 20_000);
        if (jar == null) {
            jar = Files.list(repo.resolve("target")).filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw -Pbenchmark package"));
        }
        try (Server server = Server.start(jar, jvmOptions, settings)) {
            System.out.printf("Server up in %.1f s; log %s%n", server.startupSeconds, server.log());
            Api api = new Api(server.port, server.key);
            long dataset = api.upload("synthetic.csv", Files.readAllBytes(synthetic));
            Workload workload = Workload.all(repo, synthetic, true).get(1);
            long model = api.defineModel(workload.definition(dataset, 1));
            TrainingBenchmarks.trainThroughService(api, model);
            PredictionBenchmarks predictions = new PredictionBenchmarks(server, api, synthetic, 1_000);
            String predict = predictions.singleRowPath(model);
            Api.expect(api.get(predict), 200);
            if (holdSeconds > 0) {
                System.out.printf("Holding the server for %d s for another load generator, e.g.:%n  wrk -t1 -c64 -d10s"
                        + " -H 'X-API-Key: %s' 'http://127.0.0.1:%d%s'%n  (ceiling: %s)%n", holdSeconds, server.key,
                        server.port, predict, PredictionBenchmarks.CEILING);
                Thread.sleep(holdSeconds * 1_000);
            }
            for (int round = 1; round <= rounds; round++) {
                System.out.println("Round " + round + ":");
                for (int count : clients) {
                    Measured ceiling = measure(server, PredictionBenchmarks.CEILING, count, duration);
                    Measured prediction = measure(server, predict, count, duration);
                    System.out.printf("  %2d clients: ceiling %6.0f req/s p99 %6.2f ms %5.1f µs CPU/req | predict %6.0f req/s"
                            + " p99 %6.2f ms %5.1f µs CPU/req | predict/ceiling %.2f× req/s, %.2f× CPU/req%n", count,
                            ceiling.load.perSecond(), ceiling.load.p99Ms(), ceiling.cpuMicros, prediction.load.perSecond(),
                            prediction.load.p99Ms(), prediction.cpuMicros,
                            prediction.load.perSecond() / ceiling.load.perSecond(), prediction.cpuMicros / ceiling.cpuMicros);
                }
            }
        }
    }
}
