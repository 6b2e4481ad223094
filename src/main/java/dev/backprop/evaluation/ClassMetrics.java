package dev.backprop.evaluation;

/** One class of a multiclass model: how often predicting it was right, how much of it was found, and how many rows had it. */
public record ClassMetrics(double precision, double recall, double f1, long support) {
}
