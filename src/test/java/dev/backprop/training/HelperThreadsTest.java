package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.engine.Evaluator;
import dev.backprop.engine.LogisticBaseline;
import dev.backprop.engine.TrainingData;
import dev.backprop.evaluation.Baseline;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HelperThreadsTest {

    private static final CsvTable TABLE = table();

    private final List<String> threads = new ArrayList<>();
    private final LogisticBaseline recording = new LogisticBaseline() {
        @Override
        public Outcome train(dev.backprop.model.NetworkDesign design, TrainingData data) {
            threads.add(Thread.currentThread().getName());
            return super.train(design, data);
        }
    };
    private final HelperThreads runs = new HelperThreads(recording, new Evaluator(), properties());

    @AfterEach
    void stop() {
        runs.stop();
    }

    @Test
    void theBaselineOnItsOwnThreadIsTheOneTrainedAndEvaluatedDirectly() {
        ModelPlan plan = plan("[{\"type\": \"dense\", \"units\": 8, \"activation\": \"relu\"}]", "binary");
        TrainingData data = DataPreparation.prepare(TABLE, plan).data();

        Baseline concurrent = HelperThreads.withBaseline(network(), runs.start(plan, data)).baseline();

        LogisticBaseline.Outcome direct = new LogisticBaseline().train(plan.design(), data);
        EvaluatedVersion metrics = new Evaluator().evaluate(direct.network(), data, plan.target());
        assertThat(concurrent).usingRecursiveComparison().isEqualTo(new Baseline("logistic-regression", direct.epochs(), metrics.train(), metrics.test()));
        assertThat(threads).singleElement().asString().startsWith("training-helper-");
    }

    @Test
    void onlyClassifiersWithHiddenLayersGetOne() {
        assertThat(runs.start(plan("[]", "binary"), null)).as("no hidden layers: the network is the baseline's model").isNull();
        ModelPlan regression = plan("[{\"type\": \"dense\", \"units\": 8, \"activation\": \"relu\"}]", "regression");
        assertThat(runs.start(regression, null)).isNull();
        EvaluatedVersion network = network();
        assertThat(HelperThreads.withBaseline(network, null)).isSameAs(network);
    }

    @Test
    void aFailedBaselineFailsTheJobWithItsOwnException() {
        LogisticBaseline failing = new LogisticBaseline() {
            @Override
            public Outcome train(dev.backprop.model.NetworkDesign design, TrainingData data) {
                throw new IllegalStateException("baseline broke");
            }
        };
        HelperThreads broken = new HelperThreads(failing, new Evaluator(), properties());
        try {
            ModelPlan plan = plan("[{\"type\": \"dense\", \"units\": 8, \"activation\": \"relu\"}]", "binary");
            TrainingData data = DataPreparation.prepare(TABLE, plan).data();
            var started = broken.start(plan, data);
            assertThatThrownBy(() -> HelperThreads.withBaseline(network(), started))
                    .isInstanceOf(IllegalStateException.class).hasMessage("baseline broke");
        } finally {
            broken.stop();
        }
    }

    private static EvaluatedVersion network() {
        return new EvaluatedVersion(null, null, null, null);
    }

    private static TrainingProperties properties() {
        return new TrainingProperties(1, 1, null, null, null, null, null, null, null, null);
    }

    private static ModelPlan plan(String layers, String task) {
        String target = task.equals("regression") ? "x1" : "y";
        ModelDefinition definition = JsonMapper.builder().build().readValue("""
                {"name": "m", "datasetId": 1, "target": "%s", "task": "%s", "layers": %s, "epochs": 3, "seed": 7}
                """.formatted(target, task, layers), ModelDefinition.class);
        DatasetInfo info = new DatasetInfo(1L, "d", "d.csv", 0, TABLE.rows().size(), TABLE.columns().size(), "",
                Instant.now(), SchemaInference.infer(TABLE, 1_000));
        return new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(info));
    }

    private static CsvTable table() {
        Random random = new Random(3);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            rows.add(new String[] {Double.toString(x0), Double.toString(x1), x0 + 0.5 * x1 + random.nextGaussian() * 0.3 > 0 ? "yes" : "no"});
        }
        return new CsvTable(List.of("x0", "x1", "y"), rows);
    }
}
