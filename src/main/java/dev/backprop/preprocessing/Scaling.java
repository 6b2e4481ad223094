package dev.backprop.preprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How numeric features are scaled, with parameters fitted on the training part only. */
public enum Scaling {
    /** (x − mean) / standard deviation. */
    STANDARD,
    /** (x − min) / (max − min), so the training part spans 0..1. */
    MINMAX,
    /** Values pass through unchanged. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scaling> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scaling::id).toList();
    }
}
