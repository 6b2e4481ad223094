package dev.backprop.preprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a missing numeric value becomes, computed on the training part. */
public enum Imputation {
    MEAN, MEDIAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Imputation> fromId(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Imputation::id).toList();
    }
}
