package dev.backprop.evaluation;

/** The spread of regression errors (actual − predicted): centre, spread and quartiles. */
public record Residuals(double mean, double std, double min, double q1, double median, double q3, double max) {

    public static Residuals of(double[] residuals) {
        double[] sorted = residuals.clone();
        java.util.Arrays.sort(sorted);
        double mean = java.util.Arrays.stream(residuals).average().orElse(Double.NaN);
        double squares = java.util.Arrays.stream(residuals).map(r -> (r - mean) * (r - mean)).sum();
        double std = residuals.length > 1 ? Math.sqrt(squares / (residuals.length - 1)) : 0;
        return new Residuals(mean, std, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[sorted.length - 1]);
    }

    /** Linear interpolation between closest ranks, as numpy's default. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
