package dev.backprop.dataset;

/**
 * The format of a dataset's parsed snapshot, written at upload so training loads its table without tokenising CSV or
 * parsing numbers again (MNIST: 0.7 s of every job). Row-major, written and read in one pass:
 * <ul>
 * <li>header: the bytes {@code BPTS}, the format version, the column count, the dictionary cap and the longest
 * dictionary text (in chars), then each column name as UTF-8 (length + bytes);</li>
 * <li>then for each row, for each cell, a code: {@link #MISSING}; {@link #NEW_NUMBER} followed by the text and the
 * 8-byte double {@link Numbers#parseDouble} gave at upload; {@link #NEW_TEXT} followed by the text; or
 * {@link #FIRST_ENTRY}{@code + k} for entry {@code k} of the column's dictionary.</li>
 * </ul>
 * A new text enters its column's dictionary while the dictionary holds fewer than the cap and the text is at most the
 * longest dictionary text; reader and writer apply the same rule, so entries are never numbered explicitly. All
 * counts, lengths and codes are unsigned LEB128 varints. The version changes whenever the format does: snapshots of
 * another version are ignored and the table is parsed from the CSV.
 */
final class TableSnapshot {

    static final int VERSION = 1;
    static final byte[] MAGIC = {'B', 'P', 'T', 'S'};

    static final int MISSING = 0;
    static final int NEW_NUMBER = 1;
    static final int NEW_TEXT = 2;
    static final int FIRST_ENTRY = 3;

    /** Entries per column: enough for every value of a pixel, count or category column. */
    static final int MAX_DICTIONARY_SIZE = 4_096;
    /**
     * Entries of all columns together, which the writer holds as a map while the upload streams through: a wide
     * table of distinct values cannot make them grow beyond this (2,000 columns still get 262 each, MNIST's 785 get
     * 667 of which they use 256).
     */
    static final int MAX_DICTIONARY_ENTRIES = 1 << 19;
    /** Longer texts (free text, ids) rarely repeat; they are written inline instead of being remembered. */
    static final int MAX_ENTRY_LENGTH = 64;

    static final int BUFFER_SIZE = 1 << 16;

    private TableSnapshot() {
    }

    static int dictionarySize(int columns) {
        return Math.max(1, Math.min(MAX_DICTIONARY_SIZE, MAX_DICTIONARY_ENTRIES / Math.max(1, columns)));
    }
}
