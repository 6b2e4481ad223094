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
    /** Rows whose codes (MNIST: 64 × 785 × 4 bytes) stay in the CPU's cache while each column's numbers are filled. */
    private static final int ROWS_PER_BLOCK = 64;

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
        int[] codes = new int[codesFor(expectedRows, width)];
        int rows = 0;
        while (!in.atEnd()) {
            int r = rows;
            if ((long) (r + 1) * width > codes.length) {
                codes = Arrays.copyOf(codes, codesFor(Math.max(expectedRows, 2 * (r + 1)), width));
            }
            int base = r * width;
            for (int c = 0; c < width; c++) {
                int code = in.readVarint();
                int cell;
                if (code >= TableSnapshot.FIRST_ENTRY) {
                    cell = dictionaries.check(c, code - TableSnapshot.FIRST_ENTRY);
                } else if (code == TableSnapshot.NEW_NUMBER || code == TableSnapshot.NEW_TEXT) {
                    cell = dictionaries.read(c, in, code == TableSnapshot.NEW_NUMBER);
                } else if (code == TableSnapshot.MISSING) {
                    cell = CodedRows.MISSING;
                } else {
                    throw damaged("a cell has the code " + code);
                }
                codes[base + c] = cell;
            }
            rows++;
        }
        return new CsvTable(List.copyOf(columns), new CodedRows(width, rows, codes, dictionaries.texts, dictionaries.inline),
                dictionaries.numericColumns(codes, rows));
    }

    /** Room for the codes of {@code rows} rows; refused when a table is too big for one array. */
    private static int codesFor(long rows, int width) {
        long cells = rows * width;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The dataset's snapshot holds more than " + (Integer.MAX_VALUE - 8)
                    + " cells, more than one table in memory can.");
        }
        return (int) cells;
    }

    /** Each column's entries so far: texts (shared across columns) and their numbers (NaN for a text). */
    private static final class Dictionaries {

        private final String[][] texts;
        private final double[][] values;
        private final int[] sizes;
        private final int maxSize;
        private final int maxEntryLength;
        private final SharedCells shared = new SharedCells();
        private final InlineTexts inline = new InlineTexts();
        private double[] inlineValues = new double[16];
        /** Columns with a cell that is not a number: the ones {@code ParsedTable} parses (and refuses as numeric) itself. */
        private final boolean[] hasText;

        Dictionaries(int width, int maxSize, int maxEntryLength) {
            this.texts = new String[width][16];
            this.values = new double[width][16];
            this.sizes = new int[width];
            this.maxSize = maxSize;
            this.maxEntryLength = maxEntryLength;
            this.hasText = new boolean[width];
        }

        /**
         * The code of a cell written out in full: a new text (with its number, when {@code number}) that becomes the
         * column's next dictionary entry, or an inline text's once the dictionary is full (then without a
         * {@code String}) or when the text is too long for it, as the writer decided.
         */
        int read(int column, SnapshotInput in, boolean number) {
            int length = in.readLength();
            if (sizes[column] >= maxSize) {
                int index = inline.read(in, length);
                return inlined(column, index, number ? Double.longBitsToDouble(in.readLong()) : Double.NaN);
            }
            String text = in.readText(length);
            return remember(column, text, number ? Double.longBitsToDouble(in.readLong()) : Double.NaN);
        }

        /** {@code value} is the text's number, NaN for a text that is not one. */
        private int remember(int column, String text, double value) {
            if (text.length() > maxEntryLength) {
                return inlined(column, inline.add(text), value);
            }
            hasText[column] |= Double.isNaN(value);
            int size = sizes[column];
            if (size == texts[column].length) {
                texts[column] = Arrays.copyOf(texts[column], size * 2);
                values[column] = Arrays.copyOf(values[column], size * 2);
            }
            texts[column][size] = shared.share(text);
            values[column][size] = value;
            sizes[column] = size + 1;
            return size;
        }

        private int inlined(int column, int index, double value) {
            hasText[column] |= Double.isNaN(value);
            if (index == inlineValues.length) {
                inlineValues = Arrays.copyOf(inlineValues, 2 * inlineValues.length);
            }
            inlineValues[index] = value;
            return CodedRows.inlineCode(index);
        }

        /** {@code entry}, once it is known to be one of the column's entries so far. */
        int check(int column, int entry) {
            if (entry >= sizes[column]) {
                throw damaged("a cell refers to entry " + entry + " of a dictionary of " + sizes[column]);
            }
            return entry;
        }

        /**
         * The numbers of every column without a text, NaN where a cell is missing, as {@link Numbers#parseDouble} gave
         * them at upload. Filled a block of rows at a time, all columns per block: the codes are stored row after
         * row, and filling the columns one after another across all rows (or every column's array within each row,
         * as the read did before) missed the CPU caches on almost every cell (MNIST: 7.8 million of them).
         */
        Map<Integer, double[]> numericColumns(int[] codes, int rows) {
            int width = hasText.length;
            double[][] numbers = new double[width][];
            for (int c = 0; c < width; c++) {
                numbers[c] = hasText[c] ? null : new double[rows];
            }
            for (int from = 0; from < rows; from += ROWS_PER_BLOCK) {
                int to = Math.min(rows, from + ROWS_PER_BLOCK);
                for (int c = 0; c < width; c++) {
                    double[] column = numbers[c];
                    if (column == null) {
                        continue;
                    }
                    double[] entries = values[c];
                    for (int r = from; r < to; r++) {
                        int code = codes[r * width + c];
                        column[r] = code >= 0 ? entries[code]
                                : code == CodedRows.MISSING ? Double.NaN : inlineValues[-2 - code];
                    }
                }
            }
            Map<Integer, double[]> numeric = new HashMap<>();
            for (int c = 0; c < width; c++) {
                if (numbers[c] != null) {
                    numeric.put(c, numbers[c]);
                }
            }
            return numeric;
        }
    }

    static IllegalStateException damaged(String why) {
        return new IllegalStateException("The dataset's snapshot is damaged: " + why + ".");
    }
}
