package dev.backprop.preprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the network predicts. */
public enum Task {
    BINARY, MULTICLASS, MULTILABEL, REGRESSION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Task> fromId(String id) {
        return Arrays.stream(values()).filter(task -> task.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Task::id).toList();
    }

    /** One target column whose values are classes (binary or multiclass). */
    public boolean isClassification() {
        return this == BINARY || this == MULTICLASS;
    }
}
