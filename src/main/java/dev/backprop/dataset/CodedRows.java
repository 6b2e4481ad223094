package dev.backprop.dataset;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rows of a table loaded from its snapshot, held as one array of cell codes instead of a {@code String[]} per row.
 * MNIST's 7.8 million cells as row arrays were 7.8 million references for the collector to trace and copy whenever a
 * young collection fell into a training job's data step (pauses of 50–250 ms); one primitive array is allocated
 * outside the young generation and never copied. A row asked for by {@link #get} is built on the spot, so it is a
 * new array each time; {@link CsvTable#cell} reads one cell without building its row.
 */
final class CodedRows extends AbstractList<String[]> implements RandomAccess {

    /** The code of a missing cell; codes from 0 are entries of the column's dictionary, below −1 inline texts. */
    static final int MISSING = -1;

    private final int width;
    private final int size;
    private final int[] codes;
    private final String[][] dictionaries;
    private final InlineTexts inline;

    /** {@code codes}: row after row, at least {@code size × width} of them. */
    CodedRows(int width, int size, int[] codes, String[][] dictionaries, InlineTexts inline) {
        this.width = width;
        this.size = size;
        this.codes = codes;
        this.dictionaries = dictionaries;
        this.inline = inline;
    }

    /** The code for the {@code index}-th text kept inline. */
    static int inlineCode(int index) {
        return -2 - index;
    }

    String cell(int row, int column) {
        if (row < 0 || row >= size || column < 0 || column >= width) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") of a table of " + size + " × " + width);
        }
        int code = codes[row * width + column];
        if (code >= 0) {
            return dictionaries[column][code];
        }
        return code == MISSING ? null : inline.get(-2 - code);
    }

    @Override
    public String[] get(int row) {
        String[] cells = new String[width];
        for (int c = 0; c < width; c++) {
            cells[c] = cell(row, c);
        }
        return cells;
    }

    @Override
    public int size() {
        return size;
    }
}
