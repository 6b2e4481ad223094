package dev.backprop.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The benchmark suite (started by {@code src/benchmark/run}): starts the packaged jar, measures training,
 * prediction, start-up and memory, writes the report and says which figures moved against the stored one.
 *
 * <p>Arguments: {@code [--quick] [--no-write] [--no-sweep]}. {@code --quick} is a short smoke run (fewer epochs, shorter load,
 * no settings sweep) written to {@code target/benchmarks-quick.md}; a full run rewrites {@code docs/benchmarks.md};
 * {@code --no-sweep} leaves out the raw DL4J settings sweep (about half of a full run).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean write = !List.of(args).contains("--no-write");
        boolean withSweep = !quick && !List.of(args).contains("--no-sweep");
        Path repo = Path.of("").toAbsolutePath();
        Path stored = repo.resolve("docs/benchmarks.md");
        Path output = quick ? repo.resolve("target/benchmarks-quick.md") : stored;
        Map<String, Double> before = Figures.read(stored);
        Path work = Files.createTempDirectory("backprop-bench-data-");
        Report report = new Report(quick);
        report.machine(Machine.describe());
        MachineSpeed speed = new MachineSpeed();
        System.out.println("Measuring the machine's speed …");
        speed.sample();

        System.out.println("Writing the synthetic data set …");
        Path synthetic = Workload.writeSynthetic(work.resolve("synthetic.csv"), 100_000);
        List<Workload> workloads = Workload.all(repo, synthetic, quick);
        TrainingBenchmarks training = new TrainingBenchmarks(work, repo.resolve("target/benchmark.classpath"));

        System.out.println("Starting the service …");
        Path jar = Files.list(repo.resolve("target")).filter(p -> p.toString().endsWith("-SNAPSHOT.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw -Pbenchmark package"));
        try (Server server = Server.start(jar)) {
            Api.sleep(3_000);
            report.startup(server.startupSeconds, server.startupCpuSeconds, server.rssMb());
            Api api = new Api(server.port, server.key);
            Map<String, Long> datasets = new java.util.HashMap<>();
            for (Workload workload : workloads) {
                datasets.put(workload.key(), api.upload(workload.data().getFileName().toString(),
                        Files.readAllBytes(workload.data())));
            }
            System.out.println("Warming up the service (a short Titanic job) …");
            Workload titanic = workloads.get(0);
            TrainingBenchmarks.trainThroughService(api, api.defineModel(titanic.definition(datasets.get("titanic"), 5)));

            System.out.println("Training throughput, service against raw DL4J …");
            Map<String, Long> models = new java.util.HashMap<>();
            Map<String, Long> trainRows = new java.util.HashMap<>();
            List<TrainingBenchmarks.Row> rows = new ArrayList<>();
            for (Workload workload : workloads) {
                // Service and raw DL4J take turns, best of each: a load change between the two would otherwise
                // decide the ratio. Six turns: on this shared machine two left single runs 20% apart either way, a
                // service's first jobs on a workload run its Java code before the JIT has compiled it, and with four
                // the Titanic ratio still swung between 0.85 and 1.23 across full runs of the same code.
                // One untimed job first, as raw DL4J gets an untimed warm-up fit: a long-running service's first job on a
                // workload runs code paths (its data's decoding, its network's shapes) the JIT has not compiled yet, and
                // the first of six turns lost to it by 20-30% (MNIST 5.7 s, the next three 3.6-3.8 s).
                String definition = workload.definition(datasets.get(workload.key()), workload.epochs());
                long modelId = api.defineModel(definition);
                if (!quick) {
                    TrainingBenchmarks.trainThroughService(api, modelId);
                }
                double seconds = Double.MAX_VALUE;
                JsonNode raw = null;
                for (int round = 0; round < (quick ? 1 : 6); round++) {
                    seconds = Math.min(seconds, TrainingBenchmarks.trainThroughService(api, modelId)[1]);
                    JsonNode rawRound = training.raw(workload, definition, TrainingBenchmarks.Variant.shipped(), List.of());
                    if (raw == null || rawRound.get("samplesPerSecond").asDouble() > raw.get("samplesPerSecond").asDouble()) {
                        raw = rawRound;
                    }
                }
                long rowsTrained = raw.get("trainRows").asLong();
                double service = rowsTrained * (double) workload.epochs() / seconds;
                System.out.printf("  %-30s service %8.0f samples/s (%.1f s) | raw DL4J %8.0f samples/s%n", workload.title(),
                        service, seconds, raw.get("samplesPerSecond").asDouble());
                models.put(workload.key(), modelId);
                trainRows.put(workload.key(), rowsTrained);
                rows.add(new TrainingBenchmarks.Row(workload, raw.get("inputs").asInt(), rowsTrained, seconds, service,
                        raw.get("samplesPerSecond").asDouble(), null));
            }
            if (withSweep) {
                System.out.println("Raw DL4J settings (synthetic workload, 2 epochs) …");
                Workload syntheticWorkload = workloads.get(1);
                Map<TrainingBenchmarks.Variant, Double> sweep = training.sweep(syntheticWorkload,
                        syntheticWorkload.definition(datasets.get("synthetic"), 2), 2);
                report.sweep(sweep);
                TrainingBenchmarks.Variant best = sweep.entrySet().stream()
                        .filter(e -> !e.getKey().settings().contains("parallel=2"))
                        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                System.out.println("Raw DL4J with the best single-job settings (" + best.name() + ") …");
                List<TrainingBenchmarks.Row> withBest = new ArrayList<>();
                for (TrainingBenchmarks.Row row : rows) {
                    String definition = row.workload().definition(datasets.get(row.workload().key()), row.workload().epochs());
                    double bestRate = training.raw(row.workload(), definition, best, List.of()).get("samplesPerSecond").asDouble();
                    withBest.add(new TrainingBenchmarks.Row(row.workload(), row.inputs(), row.trainRows(), row.serviceSeconds(),
                            row.service(), row.raw(), bestRate));
                }
                rows = withBest;
                report.bestVariant(best.name());
            }
            report.training(rows);

            speed.sample();
            System.out.println("Single-row prediction over HTTP against the ceiling endpoint …");
            PredictionBenchmarks predictions = new PredictionBenchmarks(server, api, synthetic, 100_000);
            long model = models.get("synthetic");
            server.resetPeak();
            Duration warmUp = Duration.ofSeconds(quick ? 1 : 2);
            Duration duration = Duration.ofSeconds(quick ? 2 : 4);
            report.singleRow(predictions.singleRow(model, List.of(1, 8, 64), warmUp, duration, quick ? 1 : 3));
            System.out.println("Batch prediction …");
            report.batches(predictions.batches(model, List.of(1, 32, 1_024, 100_000), Duration.ofSeconds(quick ? 1 : 2)));
            System.out.println("Batch prediction in-process …");
            report.batchInProcess(dev.backprop.prediction.web.BatchInProcess.measure(repo, quick ? 2 : 5));
            double peakUnderLoad = server.peakRssMb();

            System.out.println("Prediction while a training job runs …");
            Workload syntheticWorkload = workloads.get(1);
            int epochs = quick ? 1 : 2;
            long trainingModel = api.defineModel(syntheticWorkload.definition(datasets.get("synthetic"), epochs));
            server.resetPeak();
            PredictionBenchmarks.DuringTraining during = predictions.duringTraining(model, trainingModel,
                    trainRows.get("synthetic"), epochs, warmUp, duration);
            report.duringTraining(during, rows.get(1).service());
            report.memory(peakUnderLoad, server.peakRssMb());
        }
        speed.sample();
        report.finish(Machine.loadAverage(), speed);
        if (write) {
            Files.createDirectories(output.getParent());
            Files.writeString(output, report.markdown());
            System.out.println("Wrote " + repo.relativize(output));
        }
        System.out.println();
        System.out.println(report.summary());
        List<String> moved = report.figures().compare(before);
        double againstStored = report.figures().speedAgainst(before);
        System.out.println("Machine speed: " + speed.describe() + (Double.isFinite(againstStored)
                ? String.format(Locale.ROOT, ", %.2f × the stored run's; rates and times below are compared at the"
                        + " stored run's speed", againstStored)
                : before.isEmpty() ? "" : "; the stored run has none, so rates and times below are compared as measured"));
        System.out.println(before.isEmpty() ? "No stored figures in docs/benchmarks.md to compare with."
                : moved.isEmpty() ? "Against docs/benchmarks.md as it was: nothing moved beyond noise."
                : "Against docs/benchmarks.md as it was, beyond noise:\n  " + String.join("\n  ", moved));
    }
}
