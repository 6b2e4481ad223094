package dev.backprop.training;

/** What a job does: train a version, cross-validate the definition, or search its hyper-parameters. */
public enum JobKind {
    TRAINING, CROSS_VALIDATION, TUNING
}
