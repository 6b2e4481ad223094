package dev.backprop.evaluation;

/**
 * Whether the model does markedly better on the rows it was trained on than on the held-out rows: a gap in accuracy
 * above {@value #ACCURACY_GAP} (classification) or in R² above {@value #R2_GAP} (regression).
 */
public record Overfitting(boolean flagged, String metric, double train, double test, double gap, String message) {

    public static final double ACCURACY_GAP = 0.05;
    public static final double R2_GAP = 0.10;

    public static Overfitting compare(String metric, double train, double test) {
        double gap = train - test;
        boolean flagged = gap > (metric.equals("r2") ? R2_GAP : ACCURACY_GAP);
        String figures = String.format(java.util.Locale.ROOT, "train %s %.2f vs test %.2f", metric, train, test);
        String message = flagged
                ? figures + ": the network fits its training rows much better than rows it has not seen (overfitting)."
                        + " Try fewer epochs, early stopping, dropout, l2 or a smaller network."
                : figures + ": no sign of overfitting.";
        return new Overfitting(flagged, metric, train, test, gap, message);
    }
}
