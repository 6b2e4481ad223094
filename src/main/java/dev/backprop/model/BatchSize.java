package dev.backprop.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Rows per gradient step: a positive number, or {@code "all"} for batch gradient descent over the whole training
 * part. 1 is stochastic gradient descent.
 */
public record BatchSize(int rows, boolean all) {

    public static final BatchSize ALL = new BatchSize(0, true);

    public BatchSize(int rows) {
        this(rows, false);
    }

    @JsonCreator
    public static BatchSize of(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return new BatchSize(number.intValue());
        }
        if ("all".equals(value)) {
            return ALL;
        }
        throw new IllegalArgumentException("batchSize is a whole number of rows or 'all', not " + value);
    }

    public boolean isAll() {
        return all;
    }

    /** What the engine takes: 0 for the whole training part. */
    public int engineRows() {
        return all ? 0 : rows;
    }

    @JsonValue
    Object json() {
        return isAll() ? "all" : rows;
    }
}
