package dev.backprop.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds each distinct cell text of a table once. Data sets repeat their values (MNIST's 7.8 million cells hold a few
 * hundred distinct ones; categories, flags and counts repeat in any table), and a table of one string per cell kept
 * millions of strings alive while it was read: the collector copied them from young to old space in pauses of up to
 * 0.8 s per MNIST read. Shared, the new strings die young and the table holds only references. After
 * {@link #MAX_DISTINCT} distinct texts, new ones are kept as they come, so a column of unique ids cannot make the map
 * grow without bound.
 */
final class SharedCells {

    static final int MAX_DISTINCT = 1 << 16;

    private final Map<String, String> distinct = new HashMap<>();

    /** Replaces each cell of the row by the first equal text seen, in place; returns the row. */
    String[] share(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                row[i] = share(row[i]);
            }
        }
        return row;
    }

    /** The first text seen equal to {@code cell}. */
    String share(String cell) {
        String seen = distinct.get(cell);
        if (seen != null) {
            return seen;
        }
        if (distinct.size() < MAX_DISTINCT) {
            distinct.put(cell, cell);
        }
        return cell;
    }
}
