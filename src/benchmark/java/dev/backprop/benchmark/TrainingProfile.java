package dev.backprop.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.engine.Evaluator;
import dev.backprop.engine.Trainer;
import dev.backprop.engine.TrainingOutcome;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
import dev.backprop.training.DataPreparation;

/**
 * Where a training job's time goes, in-process and without the database: the steps of a job (parse the stored CSV,
 * prepare, train with the per-epoch history, one checkpoint, final evaluation, logistic baseline, serialise the
 * version) each timed, the training twice (the first run warms the JVM up). Prints one line per step.
 *
 * <p>Arguments: {@code definition.json data.csv[.gz]}. Run with the benchmark classpath (see {@code src/benchmark/run}).
 */
public final class TrainingProfile {

    private TrainingProfile() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ModelDefinition definition = Api.JSON.readValue(Files.readString(Path.of(args[0])), ModelDefinition.class);
        long start = cpu();
        CsvTable table;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            table = CsvReader.read(in);
        }
        seconds.put("parse CSV", lap(start));
        DatasetInfo info = new DatasetInfo(definition.datasetId(), "bench", args[1], 0, table.rows().size(),
                table.columns().size(), "", Instant.now(), SchemaInference.infer(table, 1_000));
        ModelPlan plan = new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(info));
        Trainer trainer = new Trainer();
        Evaluator evaluator = new Evaluator();
        for (int round = 1; round <= 3; round++) {
            start = cpu();
            DataPreparation.Prepared prepared = DataPreparation.prepare(table, plan);
            seconds.put("prepare (" + round + ")", lap(start));
            seconds.put("raw fit loop (" + round + ")", rawLoop(plan, prepared, false));
            seconds.put("raw fit loop + 3 passes (" + round + ")", rawLoop(plan, prepared, true));
            start = cpu();
            long[] checkpointNanos = {0};
            TrainingOutcome outcome = trainer.train(plan.design(), prepared.data(), plan.target(), null, (stats, checkpoint) -> {
                if (checkpoint != null && stats.epoch() == 1) {
                    long from = cpu();
                    checkpoint.get().toBytes();
                    checkpointNanos[0] = cpu() - from;
                }
                return true;
            });
            double train = lap(start);
            seconds.put("one checkpoint (" + round + ")", checkpointNanos[0] / 1e9);
            seconds.put("train with history (" + round + ")", train - checkpointNanos[0] / 1e9);
            start = cpu();
            evaluator.evaluate(outcome.network(), prepared.data(), plan.target());
            seconds.put("final evaluation (" + round + ")", lap(start));
            start = cpu();
            var baseline = new dev.backprop.engine.LogisticBaseline().train(plan.design(), prepared.data());
            evaluator.evaluate(baseline.network(), prepared.data(), plan.target());
            seconds.put("logistic baseline (" + round + ")", lap(start));
            start = cpu();
            outcome.network().toBytes();
            seconds.put("serialise version (" + round + ")", lap(start));
        }
        seconds.forEach((step, s) -> System.out.printf("%-30s %8.3f s%n", step, s));
    }

    /** {@link RawDl4j}'s loop; with {@code history} also the three forward passes the service's history makes. */
    private static double rawLoop(ModelPlan plan, DataPreparation.Prepared prepared, boolean history) {
        var design = plan.design();
        var train = new org.nd4j.linalg.dataset.DataSet(org.nd4j.linalg.factory.Nd4j.create(prepared.data().trainX()),
                org.nd4j.linalg.factory.Nd4j.create(prepared.data().trainY()));
        var test = new org.nd4j.linalg.dataset.DataSet(org.nd4j.linalg.factory.Nd4j.create(prepared.data().testX()),
                org.nd4j.linalg.factory.Nd4j.create(prepared.data().testY()));
        var sample = train.numExamples() <= 256 ? train : (org.nd4j.linalg.dataset.DataSet) train.getRange(0, 256);
        var testSample = test.numExamples() <= 256 ? test : (org.nd4j.linalg.dataset.DataSet) test.getRange(0, 256);
        long start = cpu();
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(design.seed());
        var network = RawDl4j.network(design, Map.of(), org.nd4j.linalg.api.buffer.DataType.FLOAT);
        java.util.Random shuffle = new java.util.Random(design.seed());
        for (int epoch = 1; epoch <= design.epochs(); epoch++) {
            network.fit(new org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator<>(
                    RawDl4j.batches(prepared.data().trainX(), prepared.data().trainY(), design.batchSize(), shuffle, "create"), 1));
            if (history) {
                network.score(testSample, false);
                network.output(sample.getFeatures(), false);
                network.output(testSample.getFeatures(), false);
            }
        }
        return lap(start);
    }

    /**
     * The calling thread's CPU time: with one OpenMP thread DL4J does its work on the calling thread, and CPU time
     * hardly moves when other processes share the cores, unlike wall time.
     */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double lap(long start) {
        return (cpu() - start) / 1e9;
    }
}
