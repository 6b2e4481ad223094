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
        int[] codes = new int[codesFor(expectedRows, width)];
        List<String> inline = new ArrayList<>();
        int rows = 0;
        while (!in.atEnd()) {
            int r = rows;
            if ((long) (r + 1) * width > codes.length) {
                codes = Arrays.copyOf(codes, codesFor(Math.max(expectedRows, 2 * (r + 1)), width));
            }
            int base = r * width;
            for (int c = 0; c < width; c++) {
                int code = in.readVarint();
                double value = Double.NaN;
                int cell;
                if (code >= TableSnapshot.FIRST_ENTRY) {
                    cell = dictionaries.check(c, code - TableSnapshot.FIRST_ENTRY);
                    value = dictionaries.value(c, cell);
                } else if (code == TableSnapshot.NEW_NUMBER) {
                    String text = in.readText();
                    value = Double.longBitsToDouble(in.readLong());
                    cell = dictionaries.remember(c, text, value, inline);
                } else if (code == TableSnapshot.NEW_TEXT) {
                    cell = dictionaries.remember(c, in.readText(), value, inline);
                } else if (code == TableSnapshot.MISSING) {
                    cell = CodedRows.MISSING;
                } else {
                    throw damaged("a cell has the code " + code);
                }
                codes[base + c] = cell;
                if (numbers[c] == null) {
                    continue;
                }
                if (cell != CodedRows.MISSING && Double.isNaN(value)) {
                    // A text that is not a number: ParsedTable parses this column itself (and refuses it as numeric).
                    numbers[c] = null;
                } else {
                    if (r == numbers[c].length) {
                        numbers[c] = Arrays.copyOf(numbers[c], Math.max(expectedRows, 2 * r));
                    }
                    numbers[c][r] = value;
                }
            }
            rows++;
        }
        Map<Integer, double[]> numericColumns = new HashMap<>();
        for (int c = 0; c < width; c++) {
            if (numbers[c] != null) {
                numericColumns.put(c, numbers[c].length == rows ? numbers[c] : Arrays.copyOf(numbers[c], rows));
            }
        }
        return new CsvTable(List.copyOf(columns), new CodedRows(width, rows, codes, dictionaries.texts, inline),
                numericColumns);
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

        Dictionaries(int width, int maxSize, int maxEntryLength) {
            this.texts = new String[width][16];
            this.values = new double[width][16];
            this.sizes = new int[width];
            this.maxSize = maxSize;
            this.maxEntryLength = maxEntryLength;
        }

        /** The cell's code: its new entry of the column's dictionary, or an inline text's when the text is not kept. */
        int remember(int column, String text, double value, List<String> inline) {
            int size = sizes[column];
            if (size >= maxSize || text.length() > maxEntryLength) {
                inline.add(text);
                return CodedRows.inlineCode(inline.size() - 1);
            }
            if (size == texts[column].length) {
                texts[column] = Arrays.copyOf(texts[column], size * 2);
                values[column] = Arrays.copyOf(values[column], size * 2);
            }
            texts[column][size] = shared.share(text);
            values[column][size] = value;
            sizes[column] = size + 1;
            return size;
        }

        /** {@code entry}, once it is known to be one of the column's entries so far. */
        int check(int column, int entry) {
            if (entry >= sizes[column]) {
                throw damaged("a cell refers to entry " + entry + " of a dictionary of " + sizes[column]);
            }
            return entry;
        }

        double value(int column, int entry) {
            return values[column][entry];
        }
    }

    static IllegalStateException damaged(String why) {
        return new IllegalStateException("The dataset's snapshot is damaged: " + why + ".");
    }
}
