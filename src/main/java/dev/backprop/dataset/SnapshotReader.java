package dev.backprop.dataset;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the table a {@link TableSnapshot} holds: the same cells {@link CsvReader#read} gives for the CSV (each
 * dictionary text held once, as {@link SharedCells} would), and the numbers of every column whose cells are all
 * numbers or missing, as {@link Numbers#parseDouble} gave them at upload.
 */
final class SnapshotReader {

    private static final int FIRST_ROWS = 256;

    private final SnapshotInput in;

    private SnapshotReader(InputStream in) {
        this.in = new SnapshotInput(in);
    }

    /** The table; {@code expectedRows} only sizes the arrays. */
    static CsvTable read(InputStream in, int expectedRows) {
        return new SnapshotReader(in).table(Math.max(FIRST_ROWS, expectedRows));
    }

    private CsvTable table(int expectedRows) {
        for (byte b : TableSnapshot.MAGIC) {
            if (in.readByte() != b) {
                throw damaged("it does not start with the snapshot's magic bytes");
            }
        }
        int version = in.readVarint();
        if (version != TableSnapshot.VERSION) {
            throw damaged("it has format version " + version + ", not " + TableSnapshot.VERSION);
        }
        int width = in.readVarint();
        int dictionarySize = in.readVarint();
        int maxEntryLength = in.readVarint();
        List<String> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            columns.add(in.readText());
        }
        Dictionaries dictionaries = new Dictionaries(width, dictionarySize, maxEntryLength);
        // Small at first: a text column shows a non-number early, and only columns still numeric get all rows' room.
        double[][] numbers = new double[width][Math.min(expectedRows, FIRST_ROWS)];
        List<String[]> rows = new ArrayList<>(expectedRows);
        while (!in.atEnd()) {
            int r = rows.size();
            String[] row = new String[width];
            for (int c = 0; c < width; c++) {
                int code = in.readVarint();
                double value = Double.NaN;
                if (code >= TableSnapshot.FIRST_ENTRY) {
                    int entry = code - TableSnapshot.FIRST_ENTRY;
                    row[c] = dictionaries.text(c, entry);
                    value = dictionaries.value(c, entry);
                } else if (code == TableSnapshot.NEW_NUMBER) {
                    String text = in.readText();
                    value = Double.longBitsToDouble(in.readLong());
                    row[c] = dictionaries.remember(c, text, value);
                } else if (code == TableSnapshot.NEW_TEXT) {
                    row[c] = dictionaries.remember(c, in.readText(), value);
                } else if (code != TableSnapshot.MISSING) {
                    throw damaged("a cell has the code " + code);
                }
                if (numbers[c] == null) {
                    continue;
                }
                if (row[c] != null && Double.isNaN(value)) {
                    // A text that is not a number: ParsedTable parses this column itself (and refuses it as numeric).
                    numbers[c] = null;
                } else {
                    if (r == numbers[c].length) {
                        numbers[c] = Arrays.copyOf(numbers[c], Math.max(expectedRows, 2 * r));
                    }
                    numbers[c][r] = value;
                }
            }
            rows.add(row);
        }
        Map<Integer, double[]> numericColumns = new HashMap<>();
        for (int c = 0; c < width; c++) {
            if (numbers[c] != null) {
                numericColumns.put(c, numbers[c].length == rows.size() ? numbers[c] : Arrays.copyOf(numbers[c], rows.size()));
            }
        }
        return new CsvTable(List.copyOf(columns), rows, numericColumns);
    }

    /** Each column's entries so far: texts (shared across columns) and their numbers (NaN for a text). */
    private static final class Dictionaries {

        private final String[][] texts;
        private final double[][] values;
        private final int[] sizes;
        private final int maxSize;
        private final int maxEntryLength;
        private final SharedCells shared = new SharedCells();

        Dictionaries(int width, int maxSize, int maxEntryLength) {
            this.texts = new String[width][16];
            this.values = new double[width][16];
            this.sizes = new int[width];
            this.maxSize = maxSize;
            this.maxEntryLength = maxEntryLength;
        }

        String remember(int column, String text, double value) {
            int size = sizes[column];
            if (size >= maxSize || text.length() > maxEntryLength) {
                return text;
            }
            if (size == texts[column].length) {
                texts[column] = Arrays.copyOf(texts[column], size * 2);
                values[column] = Arrays.copyOf(values[column], size * 2);
            }
            String kept = shared.share(text);
            texts[column][size] = kept;
            values[column][size] = value;
            sizes[column] = size + 1;
            return kept;
        }

        String text(int column, int entry) {
            if (entry >= sizes[column]) {
                throw damaged("a cell refers to entry " + entry + " of a dictionary of " + sizes[column]);
            }
            return texts[column][entry];
        }

        double value(int column, int entry) {
            return values[column][entry];
        }
    }

    static IllegalStateException damaged(String why) {
        return new IllegalStateException("The dataset's snapshot is damaged: " + why + ".");
    }
}
