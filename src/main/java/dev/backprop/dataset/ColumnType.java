package dev.backprop.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a column holds, inferred from every non-missing value in it. */
public enum ColumnType {
    /** Every value parses as a finite number. */
    @JsonProperty("numeric") NUMERIC,
    /** Two values at most, drawn from 0/1, true/false or yes/no. */
    @JsonProperty("boolean") BOOLEAN,
    /** Anything else: the distinct values are levels. */
    @JsonProperty("categorical") CATEGORICAL
}
