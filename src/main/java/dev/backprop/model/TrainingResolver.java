package dev.backprop.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/** Validates and completes how a network is trained: optimizer and schedule, regularisation, batches, stopping. */
final class TrainingResolver {

    record Result(ModelDefinition.Optimizer optimizer, double learningRate, double l2, BatchSize batchSize, int epochs,
            long seed, NetworkDesign.Training training, ModelDefinition.EarlyStopping earlyStopping) {
    }

    private final ModelProperties limits;

    TrainingResolver(ModelProperties limits) {
        this.limits = limits;
    }

    Result resolve(ModelDefinition definition, Task task, List<String> labels, List<Violation> problems) {
        ModelDefinition.Optimizer given = definition.optimizer() == null ? new ModelDefinition.Optimizer(null, null)
                : definition.optimizer();
        String type = given.type() == null ? "adam" : given.type();
        check("$.optimizer.type", type, Vocabulary.OPTIMIZERS, "optimizer", problems);
        boolean plainSgd = type.equals("sgd") || type.equals("momentum") || type.equals("nesterovs");
        double learningRate = given.learningRate() != null ? given.learningRate() : plainSgd ? 0.01 : 0.001;
        if (!(learningRate > 0 && learningRate <= 10)) {
            problems.add(new Violation("$.optimizer.learningRate", "must be above 0 and at most 10, e.g. 0.001; got " + learningRate));
        }
        double momentum = given.momentum() == null ? 0.9 : given.momentum();
        if (given.momentum() != null && !(type.equals("momentum") || type.equals("nesterovs"))) {
            problems.add(new Violation("$.optimizer.momentum", "momentum applies to the momentum and nesterovs optimizers only"));
        } else if (!(momentum >= 0 && momentum < 1)) {
            problems.add(new Violation("$.optimizer.momentum", "must be at least 0 and below 1, e.g. 0.9; got " + momentum));
        }
        ModelDefinition.Schedule schedule = schedule(given.schedule(), type, problems);
        double l2 = penalty("$.l2", definition.l2(), problems);
        double l1 = penalty("$.l1", definition.l1(), problems);
        BatchSize batchSize = definition.batchSize() == null ? new BatchSize(32) : definition.batchSize();
        if (!batchSize.isAll() && (batchSize.rows() < 1 || batchSize.rows() > 1_000_000)) {
            problems.add(new Violation("$.batchSize", "must be between 1 and 1000000 rows, or \"all\"; got " + batchSize.rows()));
        }
        int epochs = definition.epochs() == null ? 50 : definition.epochs();
        if (epochs < 1 || epochs > limits.maxEpochs()) {
            problems.add(new Violation("$.epochs", "must be between 1 and " + limits.maxEpochs()
                    + " (the limit backprop.models.max-epochs is " + limits.maxEpochs() + "); got " + epochs));
        }
        long seed = definition.seed() == null ? 42 : definition.seed();
        String weightInit = definition.weightInit() == null ? "xavier" : definition.weightInit();
        check("$.weightInit", weightInit, Vocabulary.WEIGHT_INITS, "weight initialisation", problems);
        Double clipping = definition.gradientClipping();
        if (clipping != null && !(clipping > 0 && clipping <= 1e6)) {
            problems.add(new Violation("$.gradientClipping", "must be above 0 (the largest gradient L2 norm per layer), e.g. 1.0; got " + clipping));
        }
        NetworkDesign.EarlyStop earlyStop = earlyStopping(definition.earlyStopping(), task, problems);
        double[] classWeights = classWeights(definition.classWeights(), task, labels, problems);
        NetworkDesign.Training training = new NetworkDesign.Training(l1, weightInit, momentum,
                schedule == null ? null : schedule.type(), schedule == null ? 1 : schedule.decayRate(),
                schedule == null || schedule.everyEpochs() == null ? 1 : schedule.everyEpochs(), clipping, classWeights,
                earlyStop);
        ModelDefinition.EarlyStopping resolvedStop = earlyStop == null ? null : new ModelDefinition.EarlyStopping(
                earlyStop.monitor(), earlyStop.patience(), earlyStop.minDelta(), earlyStop.restoreBestWeights());
        ModelDefinition.Optimizer optimizer = new ModelDefinition.Optimizer(type, learningRate,
                type.equals("momentum") || type.equals("nesterovs") ? momentum : null, schedule);
        return new Result(optimizer, learningRate, l2, batchSize, epochs, seed, training, resolvedStop);
    }

    private static ModelDefinition.Schedule schedule(ModelDefinition.Schedule schedule, String optimizer, List<Violation> problems) {
        if (schedule == null) {
            return null;
        }
        String type = schedule.type() == null ? "step" : schedule.type();
        check("$.optimizer.schedule.type", type, Vocabulary.SCHEDULES, "schedule", problems);
        double decay = schedule.decayRate() == null ? 0.5 : schedule.decayRate();
        if (!(decay > 0 && decay <= 1)) {
            problems.add(new Violation("$.optimizer.schedule.decayRate", "must be above 0 and at most 1, e.g. 0.5; got " + decay));
        }
        int every = schedule.everyEpochs() == null ? 10 : schedule.everyEpochs();
        if (every < 1) {
            problems.add(new Violation("$.optimizer.schedule.everyEpochs", "must be at least 1; got " + every));
        }
        if (optimizer.equals("adadelta") || optimizer.equals("adagrad")) {
            problems.add(new Violation("$.optimizer.schedule", optimizer + " adapts its own step sizes; a learning-rate"
                    + " schedule is not supported for it (use adam, sgd, momentum, nesterovs, rmsprop, adamax or nadam)"));
        }
        return new ModelDefinition.Schedule(type, decay, type.equals("step") ? every : null);
    }

    private static double penalty(String path, Double value, List<Violation> problems) {
        double penalty = value == null ? 0 : value;
        if (!(penalty >= 0 && penalty <= 100)) {
            problems.add(new Violation(path, "must be between 0 and 100, e.g. 1e-4; got " + penalty));
        }
        return penalty;
    }

    private static NetworkDesign.EarlyStop earlyStopping(ModelDefinition.EarlyStopping stop, Task task, List<Violation> problems) {
        if (stop == null) {
            return null;
        }
        String monitor = stop.monitor() == null ? "test_loss" : stop.monitor();
        check("$.earlyStopping.monitor", monitor, Vocabulary.MONITORS, "monitor", problems);
        if (monitor.equals("test_accuracy") && task == Task.REGRESSION) {
            problems.add(new Violation("$.earlyStopping.monitor", "a regression has no accuracy; monitor test_loss"));
        }
        int patience = stop.patience() == null ? 10 : stop.patience();
        if (patience < 1) {
            problems.add(new Violation("$.earlyStopping.patience", "must be at least 1 epoch; got " + patience));
        }
        double minDelta = stop.minDelta() == null ? 0 : stop.minDelta();
        if (!(minDelta >= 0)) {
            problems.add(new Violation("$.earlyStopping.minDelta", "must be 0 or more; got " + minDelta));
        }
        return new NetworkDesign.EarlyStop(monitor, patience, minDelta, !Boolean.FALSE.equals(stop.restoreBestWeights()));
    }

    private static double[] classWeights(Map<String, Double> weights, Task task, List<String> labels, List<Violation> problems) {
        if (weights == null) {
            return null;
        }
        if (task == null || !task.isClassification()) {
            problems.add(new Violation("$.classWeights", "class weights apply to binary and multiclass tasks only"));
            return null;
        }
        double[] perClass = new double[labels.size()];
        java.util.Arrays.fill(perClass, 1.0);
        List<String> unknown = new ArrayList<>();
        weights.forEach((label, weight) -> {
            int index = labels.indexOf(label);
            if (index < 0) {
                unknown.add(label);
            } else if (weight == null || !(weight > 0 && weight <= 1e6)) {
                problems.add(new Violation("$.classWeights." + label, "must be above 0, e.g. 2.0; got " + weight));
            } else {
                perClass[index] = weight;
            }
        });
        unknown.forEach(label -> problems.add(new Violation("$.classWeights." + label, "'" + label
                + "' is not a label of the target; labels: " + labels)));
        return perClass;
    }

    static void check(String path, String name, List<String> allowed, String what, List<Violation> problems) {
        if (!allowed.contains(name)) {
            problems.add(new Violation(path, "unknown " + what + " '" + name + "'; allowed: " + allowed));
        }
    }
}
