package dev.backprop.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.backprop.evaluation.ConfusionMatrix;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.evaluation.Metrics;
import dev.backprop.evaluation.Residuals;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.shared.Futures;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * Final metrics of a trained network on both parts, with DL4J's evaluation classes (exact ROC, no threshold
 * binning). Log loss is the mean negative log-probability of the true class, clipped at 1e-15 as scikit-learn does.
 */
@Component
public class Evaluator {

    private static final double EPSILON = 1e-15;

    public EvaluatedVersion evaluate(TrainedNetwork network, TrainingData data, TargetEncoder target) {
        return new EvaluatedVersion(
                metrics(network.predictForEvaluation(data.trainX()), data.trainY(), target),
                metrics(network.predictForEvaluation(data.testX()), data.testY(), target));
    }

    /**
     * The same metrics, computed on this thread and {@code helper} at once: a finished job waits for its evaluation,
     * and with one OpenMP thread per job the second core is free by then. The helper predicts the held-out part and
     * as many training rows as make half of all, then scores the held-out part while this thread scores the training
     * part, with {@link TrainedNetwork#forAnotherThread}.
     */
    public EvaluatedVersion evaluate(TrainedNetwork network, TrainingData data, TargetEncoder target, Executor helper) {
        float[][] trainX = data.trainX();
        float[][] testX = data.testX();
        int cut = Math.max(0, Math.min(trainX.length, (trainX.length + testX.length) / 2 - testX.length));
        TrainedNetwork copy = network.forAnotherThread();
        CompletableFuture<float[][]> helperTrain = new CompletableFuture<>();
        CompletableFuture<Metrics> test = CompletableFuture.supplyAsync(() -> {
            try {
                helperTrain.complete(copy.predictForEvaluation(Arrays.copyOfRange(trainX, 0, cut)));
            } catch (RuntimeException | Error e) {
                helperTrain.completeExceptionally(e);
                throw e;
            }
            return metrics(copy.predictForEvaluation(testX), data.testY(), target);
        }, helper);
        float[][] rest = network.predictForEvaluation(Arrays.copyOfRange(trainX, cut, trainX.length));
        float[][] trainOutputs = new float[trainX.length][];
        System.arraycopy(Futures.join(helperTrain), 0, trainOutputs, 0, cut);
        System.arraycopy(rest, 0, trainOutputs, cut, rest.length);
        Metrics train = metrics(trainOutputs, data.trainY(), target);
        return new EvaluatedVersion(train, Futures.join(test));
    }

    public Metrics metrics(float[][] outputs, float[][] expected, TargetEncoder target) {
        if (target.columns() != null) {
            return MultiTargetMetrics.of(this, outputs, expected, target);
        }
        if (target.task() == Task.REGRESSION) {
            RegressionEvaluation regression = new RegressionEvaluation(1);
            regression.eval(Nd4j.create(expected), Nd4j.create(outputs));
            double[] residuals = new double[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                residuals[i] = expected[i][0] - outputs[i][0];
            }
            return Metrics.regression(outputs.length, regression.meanSquaredError(0), regression.meanAbsoluteError(0),
                    regression.rSquared(0)).withResiduals(Residuals.of(residuals));
        }
        List<String> labels = target.labels();
        int k = labels.size();
        int positive = target.task() == Task.BINARY ? labels.indexOf(target.positiveLabel()) : -1;
        float[][] probabilities = new float[outputs.length][];
        float[][] actual = new float[outputs.length][k];
        double logLoss = 0;
        for (int i = 0; i < outputs.length; i++) {
            probabilities[i] = byLabel(outputs[i], target, positive);
            int trueClass = trueClass(expected[i], target);
            actual[i][trueClass] = 1f;
            logLoss -= Math.log(Math.max(EPSILON, Math.min(1 - EPSILON, probabilities[i][trueClass])));
        }
        INDArray labelMatrix = Nd4j.create(actual);
        INDArray probabilityMatrix = Nd4j.create(probabilities);
        Evaluation evaluation = new Evaluation(labels);
        evaluation.eval(labelMatrix, probabilityMatrix);
        long[][] counts = new long[k][k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                counts[a][p] = evaluation.getConfusionMatrix().getCount(a, p);
            }
        }
        // A −1/+1 score is no probability: its log loss, Brier score and thresholds would mean nothing (its ROC AUC,
        // a ranking, still does).
        boolean probabilistic = !target.signedScores();
        Double meanLogLoss = probabilistic ? logLoss / outputs.length : null;
        ConfusionMatrix confusion = new ConfusionMatrix(labels, counts);
        if (positive >= 0) {
            return BinaryMetrics.of(evaluation, labelMatrix, probabilityMatrix, positive, probabilistic, meanLogLoss, confusion);
        }
        return MulticlassMetrics.of(evaluation, labelMatrix, probabilityMatrix, meanLogLoss, confusion);
    }

    /** The index, in label order, of the class an encoded target row stands for. */
    static int trueClass(float[] expected, TargetEncoder target) {
        if (target.task() == Task.BINARY && expected.length == 1) {
            int positive = target.labels().indexOf(target.positiveLabel());
            return expected[0] >= target.decisionThreshold() ? positive : 1 - positive;
        }
        return argmax(expected);
    }

    /** Probabilities in the order of {@code target.labels()}, whether the network has one sigmoid unit or a softmax. */
    static float[] byLabel(float[] output, TargetEncoder target, int positive) {
        if (!(target.task() == Task.BINARY && output.length == 1)) {
            return output;
        }
        // A −1/+1 score is squashed with the logistic function: ranks (ROC) and the decision at 0 stay the same.
        float p = target.signedScores() ? (float) (1 / (1 + Math.exp(-output[0]))) : output[0];
        float[] probabilities = new float[2];
        probabilities[positive] = p;
        probabilities[1 - positive] = 1f - p;
        return probabilities;
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
