package dev.backprop.prediction.web;

/**
 * Writes CSV cells exactly as commons-csv's {@code CSVFormat.RFC4180} printer does (minimal quoting), without its
 * per-cell overhead, which was most of the cost of answering a large CSV prediction request. {@code CsvCellsTest}
 * holds it to commons-csv's output.
 */
final class CsvCells {

    static final String RECORD_SEPARATOR = "\r\n";

    private CsvCells() {
    }

    /** Appends {@code value} (null: an empty cell), preceded by a comma unless it is the first cell of its record. */
    static void append(StringBuilder out, String value, boolean firstInRecord) {
        if (!firstInRecord) {
            out.append(',');
        }
        if (value == null) {
            return;
        }
        int length = value.length();
        if (!needsQuotes(value, length, firstInRecord)) {
            out.append(value);
            return;
        }
        out.append('"');
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) == '"') {
                out.append(value, start, i + 1).append('"');
                start = i + 1;
            }
        }
        out.append(value, start, length).append('"');
    }

    /**
     * commons-csv's minimal quoting: an empty first cell (else the record would be a blank line), text that starts
     * with a character up to '#' or ends with one up to ' ', and text with a comma, quote or line break.
     */
    private static boolean needsQuotes(String value, int length, boolean firstInRecord) {
        if (length == 0) {
            return firstInRecord;
        }
        if (value.charAt(0) <= '#' || value.charAt(length - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
