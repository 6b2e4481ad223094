package dev.backprop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Training throughput: the service (through its API, from submission to a stored version) against raw DL4J in a
 * process of its own on the same network, data, split, scaling, batch size and seed; then which DL4J settings make
 * raw DL4J itself faster.
 */
final class TrainingBenchmarks {

    /** A raw DL4J variant: its name, the OpenMP environment and the {@link RawDl4j} settings. */
    record Variant(String name, Map<String, String> env, List<String> settings) {

        /** What sets this variant apart, as a figure's key: its OpenMP environment and RawDl4j settings. */
        String key() {
            String key = (new java.util.TreeMap<>(env) + "_" + settings).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            return key.isEmpty() ? "defaults" : key;
        }

        static Variant shipped() {
            return new Variant("shipped: OMP_NUM_THREADS=1, PASSIVE, workspaces ENABLED, iterator",
                    Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE"), List.of());
        }
    }

    record Row(Workload workload, int inputs, long trainRows, double serviceSeconds, double service, double raw,
            Double best) {
    }

    private final Path workDir;
    private final Path classpathFile;

    TrainingBenchmarks(Path workDir, Path classpathFile) {
        this.workDir = workDir;
        this.classpathFile = classpathFile;
    }

    /** Trains the workload through the service and returns the model id and the seconds from submission to success. */
    static double[] trainThroughService(Api api, long modelId) {
        long start = System.nanoTime();
        long job = api.startTraining(modelId);
        api.awaitSuccess(job, Duration.ofMinutes(20));
        return new double[] {modelId, (System.nanoTime() - start) / 1e9};
    }

    /** Runs {@link RawDl4j} in a child JVM with the variant's environment; returns its JSON answer. */
    JsonNode raw(Workload workload, String definition, Variant variant, List<String> more) throws IOException, InterruptedException {
        return rawParallel(workload, definition, variant, more, 1).get(0);
    }

    /** {@code copies} independent raw runs at the same time (one per core, say); their answers in order. */
    List<JsonNode> rawParallel(Workload workload, String definition, Variant variant, List<String> more, int copies)
            throws IOException, InterruptedException {
        Path definitionFile = Files.writeString(workDir.resolve(workload.key() + "-definition.json"), definition);
        String classpath = Files.readString(classpathFile).trim();
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            List<String> command = new ArrayList<>(List.of(Server.javaBinary(), "-Xmx2g", "-cp",
                    "target/test-classes:target/classes:" + classpath, RawDl4j.class.getName(),
                    definitionFile.toString(), workload.data().toString()));
            command.addAll(variant.settings());
            command.addAll(more);
            Path output = workDir.resolve("raw-" + workload.key() + "-" + i + ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().remove("OMP_NUM_THREADS");
            builder.environment().remove("OMP_WAIT_POLICY");
            builder.environment().putAll(variant.env());
            processes.add(builder.start());
            outputs.add(output);
        }
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            int exit = processes.get(i).waitFor();
            List<String> lines = Files.readAllLines(outputs.get(i));
            String json = lines.stream().filter(line -> line.startsWith("{\"")).reduce((a, b) -> b).orElse(null);
            if (exit != 0 || json == null) {
                throw new IllegalStateException("Raw DL4J run failed (exit " + exit + "); see " + outputs.get(i));
            }
            answers.add(Api.JSON.readTree(json));
        }
        return answers;
    }

    /**
     * The settings sweep on one workload with fewer epochs: each variant against the shipped settings. The last
     * entry runs two independent shipped jobs at once (one per core) and reports their combined throughput.
     */
    Map<Variant, Double> sweep(Workload workload, String definition, int epochs) throws IOException, InterruptedException {
        Map<String, String> omp1 = Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "PASSIVE");
        List<Variant> variants = List.of(
                Variant.shipped(),
                new Variant("DL4J defaults: OpenMP unset (2 threads, spinning)", Map.of(), List.of()),
                new Variant("OMP_NUM_THREADS=2, PASSIVE", Map.of("OMP_NUM_THREADS", "2", "OMP_WAIT_POLICY", "PASSIVE"), List.of()),
                new Variant("OMP_NUM_THREADS=1, ACTIVE", Map.of("OMP_NUM_THREADS", "1", "OMP_WAIT_POLICY", "ACTIVE"), List.of()),
                new Variant("workspaces NONE", omp1, List.of("workspaces=NONE")),
                new Variant("fit(DataSet) per batch", omp1, List.of("feed=dataset")),
                new Variant("batches pulled with getRows from one array", omp1, List.of("batches=getRows")),
                new Variant("batches copied in bulk (Nd4j.createBuffer), as the service", omp1, List.of("batches=buffer")),
                new Variant("next epoch's batches built on a second thread", omp1, List.of("batches=ahead")),
                new Variant("AsyncDataSetIterator prefetch 4", omp1, List.of("feed=async")),
                new Variant("ScoreIterationListener every step", omp1, List.of("listener=score")),
                new Variant("full evaluation of both parts every epoch", omp1, List.of("evaluate=true")),
                new Variant("DOUBLE instead of FLOAT", omp1, List.of("dtype=DOUBLE")));
        Map<Variant, Double> results = new LinkedHashMap<>();
        for (Variant variant : variants) {
            JsonNode answer = raw(workload, definition, variant, List.of("epochs=" + epochs));
            results.put(variant, answer.get("samplesPerSecond").asDouble());
            System.out.printf("  raw %-58s %10.0f samples/s%n", variant.name(), answer.get("samplesPerSecond").asDouble());
        }
        List<JsonNode> pair = rawParallel(workload, definition, Variant.shipped(), List.of("epochs=" + epochs), 2);
        double combined = pair.stream().mapToDouble(node -> node.get("samplesPerSecond").asDouble()).sum();
        Variant parallel = new Variant("two independent jobs at once, OMP_NUM_THREADS=1 each (combined)", omp1,
                List.of("parallel=2"));
        results.put(parallel, combined);
        System.out.printf("  raw %-58s %10.0f samples/s%n", parallel.name(), combined);
        return results;
    }
}
