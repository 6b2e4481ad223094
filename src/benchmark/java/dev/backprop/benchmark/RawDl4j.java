package dev.backprop.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
import dev.backprop.model.NetworkDesign;
import dev.backprop.training.DataPreparation;
import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Raw DL4J, the baseline the service is measured against: the same network, data, split, scaling, batch size and seed
 * as the service's job, written the way a DL4J user would write it. Runs in a process of its own so the OpenMP
 * environment can differ per run. Prints one JSON line with the result.
 *
 * <p>Arguments: {@code definition.json data.csv[.gz] key=value…}. Settings: {@code workspaces=ENABLED|NONE},
 * {@code feed=iterator|dataset|async}, {@code listener=none|score}, {@code batches=create|getRows|ahead}, {@code evaluate=true|false} (score both parts
 * after every epoch, as a service would for its history), {@code dtype=FLOAT|DOUBLE}, {@code epochs=N} (override).
 * The OpenMP settings come from the environment.
 */
public final class RawDl4j {

    private RawDl4j() {
    }

    public static void main(String[] args) throws IOException {
        ModelDefinition definition = Api.JSON.readValue(Files.readString(Path.of(args[0])), ModelDefinition.class);
        Map<String, String> settings = new TreeMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        CsvTable table;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            table = CsvReader.read(in);
        }
        DatasetInfo info = new DatasetInfo(definition.datasetId(), "bench", args[1], 0, table.rows().size(),
                table.columns().size(), "", Instant.now(), SchemaInference.infer(table, 1_000));
        // The service's own resolution and preparation: the same split, encoding and scaling as its job.
        ModelPlan plan = new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(info));
        DataPreparation.Prepared prepared = DataPreparation.prepare(table, plan);
        table = null;
        NetworkDesign design = plan.design();
        int epochs = Integer.parseInt(settings.getOrDefault("epochs", Integer.toString(design.epochs())));
        DataType dtype = DataType.valueOf(settings.getOrDefault("dtype", "FLOAT"));
        Nd4j.setDefaultDataTypes(dtype, dtype);
        DataSet train = new DataSet(Nd4j.create(prepared.data().trainX()).castTo(dtype),
                Nd4j.create(prepared.data().trainY()).castTo(dtype));
        DataSet test = new DataSet(Nd4j.create(prepared.data().testX()).castTo(dtype),
                Nd4j.create(prepared.data().testY()).castTo(dtype));

        // Warm-up outside the timing (the service's JVM is warm too): one short fit of a same-shaped network.
        MultiLayerNetwork warm = network(design, settings, dtype);
        float[][] trainX = prepared.data().trainX();
        float[][] trainY = prepared.data().trainY();
        String batchMode = settings.getOrDefault("batches", "create");
        warm.fit(new ListDataSetIterator<>(batches(trainX, trainY, design.batchSize(), new Random(1), batchMode).subList(0, 
                Math.min(20, (int) Math.ceil(train.numExamples() / (double) design.batchSize()))), 1));

        long start = System.nanoTime();
        Nd4j.getRandom().setSeed(design.seed());
        MultiLayerNetwork network = network(design, settings, dtype);
        Random shuffle = new Random(design.seed());
        double trainLoss = Double.NaN;
        // batches=ahead: each epoch's batches built on a second thread while the epoch before trains, as the service does.
        java.util.concurrent.ExecutorService side = "ahead".equals(settings.get("batches"))
                ? java.util.concurrent.Executors.newSingleThreadExecutor() : null;
        java.util.concurrent.Future<List<DataSet>> next = side == null ? null
                : side.submit(() -> batches(trainX, trainY, design.batchSize(), shuffle, "create"));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<DataSet> batches;
            if (side == null) {
                batches = batches(trainX, trainY, design.batchSize(), shuffle, batchMode);
            } else {
                batches = join(next);
                next = epoch < epochs ? side.submit(() -> batches(trainX, trainY, design.batchSize(), shuffle, "create")) : null;
            }
            switch (settings.getOrDefault("feed", "iterator")) {
                case "dataset" -> batches.forEach(network::fit);
                case "async" -> network.fit(new AsyncDataSetIterator(new ListDataSetIterator<>(batches, 1), 4));
                default -> network.fit(new ListDataSetIterator<>(batches, 1));
            }
            if (Boolean.parseBoolean(settings.getOrDefault("evaluate", "false"))) {
                trainLoss = network.score(train, false);
                network.score(test, false);
                network.output(train.getFeatures(), false);
                network.output(test.getFeatures(), false);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (side != null) {
            side.shutdown();
        }
        if (Double.isNaN(trainLoss)) {
            trainLoss = network.score(train, false);
        }
        long samples = (long) train.numExamples() * epochs;
        System.out.println(Api.JSON.writeValueAsString(Map.of(
                "trainRows", train.numExamples(), "epochs", epochs, "seconds", seconds,
                "samplesPerSecond", samples / seconds, "trainLoss", trainLoss,
                "inputs", design.inputs(), "settings", settings)));
    }

    private static <T> T join(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The training part shuffled (seeded) and cut into batches, as any DL4J loop over an epoch does. Each batch is made
     * from the Java rows with {@code Nd4j.create(float[][])}, as a DL4J user would: training on batches pulled out of
     * one big array with {@code getRows} (setting {@code batches=getRows}) measured markedly slower on the same
     * network; {@code batches=buffer} copies each batch's rows into one array and that into a native buffer made from
     * it ({@code Nd4j.createBuffer}), as the service does.
     */
    static List<DataSet> batches(float[][] x, float[][] y, int batchSize, Random random, String mode) {
        boolean getRows = "getRows".equals(mode);
        int n = x.length;
        int size = batchSize <= 0 ? n : Math.min(batchSize, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        INDArray allX = getRows ? Nd4j.create(x) : null;
        INDArray allY = getRows ? Nd4j.create(y) : null;
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + size));
            if (getRows) {
                batches.add(new DataSet(allX.getRows(rows), allY.getRows(rows)));
                continue;
            }
            float[][] features = new float[rows.length][];
            float[][] labels = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                features[i] = x[rows[i]];
                labels[i] = y[rows[i]];
            }
            DataType type = Nd4j.defaultFloatingPointType();
            if ("buffer".equals(mode) && type == DataType.FLOAT) {
                batches.add(new DataSet(fromBuffer(features), fromBuffer(labels)));
                continue;
            }
            batches.add(new DataSet(Nd4j.create(features).castTo(type), Nd4j.create(labels).castTo(type)));
        }
        return batches;
    }

    private static INDArray fromBuffer(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return Nd4j.create(Nd4j.createBuffer(flat), rows.length, width);
    }

    static MultiLayerNetwork network(NetworkDesign design, Map<String, String> settings, DataType dtype) {
        WorkspaceMode workspaces = WorkspaceMode.valueOf(settings.getOrDefault("workspaces", "ENABLED"));
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(design.seed())
                .dataType(dtype)
                .updater(new Adam(design.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .list();
        int width = design.inputs();
        for (NetworkDesign.HiddenLayer hidden : design.hidden()) {
            if (!"dense".equals(hidden.type()) || !"relu".equals(hidden.activation())) {
                throw new IllegalArgumentException("The raw baseline builds dense relu networks only, not " + hidden);
            }
            layers.layer(new DenseLayer.Builder().nIn(width).nOut(hidden.units()).activation(Activation.RELU).build());
            width = hidden.units();
        }
        boolean softmax = "softmax".equals(design.outputActivation());
        layers.layer(new OutputLayer.Builder(softmax ? LossFunction.MCXENT : LossFunction.XENT)
                .nIn(width).nOut(design.outputs())
                .activation(softmax ? Activation.SOFTMAX : Activation.SIGMOID).build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        if ("score".equals(settings.getOrDefault("listener", "none"))) {
            network.setListeners(new ScoreIterationListener(1));
        }
        return network;
    }
}
