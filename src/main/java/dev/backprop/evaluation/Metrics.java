package dev.backprop.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How well a model did on one part of the data. Binary tasks add specificity, PR AUC, the Brier score, the ROC
 * curve and the threshold that maximises sensitivity + specificity; multiclass tasks add per-class figures and
 * support-weighted averages; regressions add a summary of the residuals. Classification fills accuracy … confusionMatrix (precision,
 * recall and F1 are for the positive class in binary tasks, macro-averaged over classes in multiclass ones);
 * regression fills mse … r2. With several targets, {@code perTarget} has each column's metrics and the fields above
 * are their means (multi-label accuracy: the share of right yes/no decisions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metrics(
        long rows,
        Double accuracy,
        Double precision,
        Double recall,
        Double f1,
        Double rocAuc,
        Double logLoss,
        ConfusionMatrix confusionMatrix,
        Double mse,
        Double rmse,
        Double mae,
        Double r2,
        java.util.Map<String, Metrics> perTarget,
        Double specificity,
        Double prAuc,
        Double brierScore,
        Double bestThreshold,
        java.util.List<RocPoint> rocCurve,
        java.util.Map<String, ClassMetrics> perClass,
        Double weightedPrecision,
        Double weightedRecall,
        Double weightedF1,
        Residuals residuals) {

    public Metrics(long rows, Double accuracy, Double precision, Double recall, Double f1, Double rocAuc, Double logLoss,
            ConfusionMatrix confusionMatrix, Double mse, Double rmse, Double mae, Double r2) {
        this(rows, accuracy, precision, recall, f1, rocAuc, logLoss, confusionMatrix, mse, rmse, mae, r2, null);
    }

    public Metrics(long rows, Double accuracy, Double precision, Double recall, Double f1, Double rocAuc, Double logLoss,
            ConfusionMatrix confusionMatrix, Double mse, Double rmse, Double mae, Double r2, java.util.Map<String, Metrics> perTarget) {
        this(rows, accuracy, precision, recall, f1, rocAuc, logLoss, confusionMatrix, mse, rmse, mae, r2, perTarget,
                null, null, null, null, null, null, null, null, null, null);
    }

    public static Metrics classification(long rows, double accuracy, double precision, double recall, double f1,
            Double rocAuc, double logLoss, ConfusionMatrix confusion) {
        return new Metrics(rows, accuracy, precision, recall, f1, rocAuc, logLoss, confusion, null, null, null, null);
    }

    public static Metrics regression(long rows, double mse, double mae, double r2) {
        return new Metrics(rows, null, null, null, null, null, null, null, mse, Math.sqrt(mse), mae, r2);
    }

    public Metrics withResiduals(Residuals summary) {
        return new Metrics(rows, accuracy, precision, recall, f1, rocAuc, logLoss, confusionMatrix, mse, rmse, mae, r2,
                perTarget, specificity, prAuc, brierScore, bestThreshold, rocCurve, perClass, weightedPrecision,
                weightedRecall, weightedF1, summary);
    }
}
