package dev.backprop.prediction;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;

/**
 * Predictions for the rows of a table (a CSV request), held column by column instead of as a {@link RowPrediction}
 * per row: a large CSV answer is printed straight from these. Each row gets the {@code columns}: the predicted label
 * first when there is one ({@code labels[row]}), then {@link #numbersPerRow()} numbers, the same values the JSON
 * answer gives for the row (its probabilities in label order, its score, or its values).
 */
public record TablePredictions(List<String> columns, String[] labels, double[] numbers) {

    public int numbersPerRow() {
        return labels == null ? columns.size() : columns.size() - 1;
    }

    public double number(int row, int index) {
        return numbers[row * numbersPerRow() + index];
    }

    /** What {@link PredictionService} makes of the network's outputs for each row, as columns. */
    static TablePredictions of(TargetEncoder target, float[][] outputs, double threshold) {
        List<String> columns = new ArrayList<>();
        if (target.columns() != null && target.task() == Task.REGRESSION) {
            target.columns().forEach(column -> columns.add("prediction_" + column));
            return new TablePredictions(columns, null, widened(outputs, columns.size()));
        }
        columns.add("prediction");
        if (target.columns() == null && target.task() == Task.REGRESSION) {
            return new TablePredictions(columns, null, widened(outputs, 1));
        }
        if (target.signedScores()) {
            columns.add("score");
        } else {
            (target.columns() != null ? target.columns() : target.labels()).forEach(label -> columns.add("probability_" + label));
        }
        String[] labels = new String[outputs.length];
        double[] numbers = target.singleSigmoidUnit() ? complemented(target, outputs) : widened(outputs, columns.size() - 1);
        String negative = target.task() == Task.BINARY ? target.negativeLabel() : null;
        for (int r = 0; r < outputs.length; r++) {
            labels[r] = label(target, negative, outputs[r], threshold);
        }
        return new TablePredictions(columns, labels, numbers);
    }

    private static String label(TargetEncoder target, String negative, float[] output, double threshold) {
        if (target.columns() != null) {
            StringBuilder applies = new StringBuilder();
            for (int c = 0; c < output.length; c++) {
                if (output[c] >= threshold) {
                    applies.append(applies.isEmpty() ? "" : ",").append(target.columns().get(c));
                }
            }
            return applies.toString();
        }
        if (target.signedScores() || target.singleSigmoidUnit()) {
            return output[0] >= threshold ? target.positiveLabel() : negative;
        }
        if (target.task() == Task.BINARY) {
            return output[target.labels().indexOf(target.positiveLabel())] >= threshold ? target.positiveLabel() : negative;
        }
        int best = 0;
        for (int c = 0; c < output.length; c++) {
            if (output[c] > output[best]) {
                best = c;
            }
        }
        return target.labels().get(best);
    }

    private static double[] widened(float[][] outputs, int width) {
        double[] numbers = new double[outputs.length * width];
        for (int r = 0; r < outputs.length; r++) {
            for (int c = 0; c < width; c++) {
                numbers[r * width + c] = outputs[r][c];
            }
        }
        return numbers;
    }

    /** One sigmoid unit gives the positive label's probability; every other label gets 1 − that (in double). */
    private static double[] complemented(TargetEncoder target, float[][] outputs) {
        int width = target.labels().size();
        double[] numbers = new double[outputs.length * width];
        for (int r = 0; r < outputs.length; r++) {
            double positive = outputs[r][0];
            for (int c = 0; c < width; c++) {
                numbers[r * width + c] = target.labels().get(c).equals(target.positiveLabel()) ? positive : 1 - positive;
            }
        }
        return numbers;
    }
}
