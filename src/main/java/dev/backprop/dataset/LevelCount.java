package dev.backprop.dataset;

/** One distinct value of a column and how many rows hold it. */
public record LevelCount(String value, long count) {
}
