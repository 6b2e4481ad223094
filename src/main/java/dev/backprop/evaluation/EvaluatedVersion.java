package dev.backprop.evaluation;

/** Metrics on the training part and on the held-out part, side by side, and whether their gap says overfitting. */
public record EvaluatedVersion(Metrics train, Metrics test, Overfitting overfitting, Baseline baseline) {

    public EvaluatedVersion(Metrics train, Metrics test) {
        this(train, test, overfitting(train, test), null);
    }

    /** The same, with the one-neuron baseline trained on the same split beside it. */
    public EvaluatedVersion withBaseline(Baseline baseline) {
        return new EvaluatedVersion(train, test, overfitting, baseline);
    }

    private static Overfitting overfitting(Metrics train, Metrics test) {
        if (train.accuracy() != null && test.accuracy() != null) {
            return Overfitting.compare("accuracy", train.accuracy(), test.accuracy());
        }
        if (train.r2() != null && test.r2() != null) {
            return Overfitting.compare("r2", train.r2(), test.r2());
        }
        return null;
    }
}
