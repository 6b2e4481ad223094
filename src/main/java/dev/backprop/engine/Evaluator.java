package dev.backprop.engine;

import java.util.List;

import dev.backprop.evaluation.ConfusionMatrix;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.evaluation.Metrics;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCMultiClass;
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
                metrics(network.predict(data.trainX()), data.trainY(), target),
                metrics(network.predict(data.testX()), data.testY(), target));
    }

    public Metrics metrics(float[][] outputs, float[][] expected, TargetEncoder target) {
        if (target.columns() != null) {
            return MultiTargetMetrics.of(this, outputs, expected, target);
        }
        if (target.task() == Task.REGRESSION) {
            RegressionEvaluation regression = new RegressionEvaluation(1);
            regression.eval(Nd4j.create(expected), Nd4j.create(outputs));
            return Metrics.regression(outputs.length, regression.meanSquaredError(0), regression.meanAbsoluteError(0),
                    regression.rSquared(0));
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
        double auc;
        double precision;
        double recall;
        double f1;
        if (positive >= 0) {
            ROC roc = new ROC(0);
            roc.eval(labelMatrix.getColumn(positive, true), probabilityMatrix.getColumn(positive, true));
            auc = roc.calculateAUC();
            precision = evaluation.precision(positive, 0.0);
            recall = evaluation.recall(positive, 0.0);
            f1 = evaluation.fBeta(1.0, positive, 0.0);
        } else {
            ROCMultiClass roc = new ROCMultiClass(0);
            roc.eval(labelMatrix, probabilityMatrix);
            auc = roc.calculateAverageAUC();
            // Macro averages over every class, counting 0/0 as 0 as scikit-learn does; DL4J's own macro average
            // leaves out classes that were never predicted, which flatters precision and F1.
            precision = 0;
            recall = 0;
            f1 = 0;
            for (int c = 0; c < k; c++) {
                precision += evaluation.precision(c, 0.0) / k;
                recall += evaluation.recall(c, 0.0) / k;
                f1 += evaluation.fBeta(1.0, c, 0.0) / k;
            }
        }
        // A −1/+1 score is no probability: its log loss would mean nothing (its ROC AUC, a ranking, still does).
        Double meanLogLoss = target.signedScores() ? null : logLoss / outputs.length;
        return new Metrics(outputs.length, evaluation.accuracy(), finite(precision), finite(recall), finite(f1),
                Double.isFinite(auc) ? auc : null, meanLogLoss, new ConfusionMatrix(labels, counts), null, null, null, null);
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

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
