package dev.backprop.dataset;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.backprop.shared.TooLargeException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads CSV (RFC 4180: quoted fields with commas, quotes and newlines; CRLF or LF; optional UTF-8 BOM; plain or
 * gzip-compressed) as a
 * stream, row by row, so a large upload never has to sit in memory as text. Refuses what would silently go wrong
 * later: invalid UTF-8, binary data (NUL characters), empty or duplicate column names, rows of the wrong width, a file
 * without data rows, and rows longer than a limit (the parser would otherwise buffer a 100 MB line whole).
 */
public final class CsvReader {

    /** Receives the data rows in order (missing cells are {@code null}); answers whether to go on reading. */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(String[] values);
    }

    /**
     * FastCSV: the same RFC 4180 reading as commons-csv with surrounding spaces ignored, at twice its speed (every
     * training job reads its whole data set). Field counts are checked here, to name the row and line.
     */
    private static final de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder FORMAT = de.siegmar.fastcsv.reader.CsvReader.builder()
            .skipEmptyLines(true)
            .trimWhitespacesAroundQuotes(true)
            .allowExtraFields(true)
            .allowMissingFields(true);

    private CsvReader() {
    }

    /** The whole table in memory. */
    public static CsvTable read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    /** The whole table in memory, each distinct cell text held once (see {@link SharedCells}). */
    public static CsvTable read(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        SharedCells cells = new SharedCells();
        List<String> columns = stream(in, row -> rows.add(cells.share(row)));
        return new CsvTable(columns, rows);
    }

    /**
     * Streams the data rows to {@code handler} and returns the header. Checks the whole file (unless the handler
     * stops early): a file without data rows is refused.
     */
    public static List<String> stream(InputStream in, RowHandler handler) {
        return stream(in, columns -> { }, handler);
    }

    /** Like {@link #stream(InputStream, RowHandler)}, telling {@code onHeader} the columns before the first row. */
    public static List<String> stream(InputStream in, Consumer<List<String>> onHeader, RowHandler handler) {
        return stream(in, Integer.MAX_VALUE, onHeader, handler);
    }

    /**
     * Like {@link #stream(InputStream, Consumer, RowHandler)}; a row (the header too) longer than {@code maxRowLength}
     * characters is refused with a {@link TooLargeException} before it is buffered whole.
     */
    public static List<String> stream(InputStream in, int maxRowLength, Consumer<List<String>> onHeader, RowHandler handler) {
        return stream(in, maxRowLength, Long.MAX_VALUE, onHeader, handler);
    }

    /**
     * Like {@link #stream(InputStream, int, Consumer, RowHandler)}; more than {@code maxCharacters} characters of text
     * (after unpacking gzip) are refused with a {@link TooLargeException}.
     */
    public static List<String> stream(InputStream in, int maxRowLength, long maxCharacters, Consumer<List<String>> onHeader,
            RowHandler handler) {
        GuardedReader text;
        try {
            text = new GuardedReader(utf8WithoutBom(in), maxRowLength, maxCharacters);
        } catch (IOException e) {
            throw refusal(new UncheckedIOException(e));
        }
        try (de.siegmar.fastcsv.reader.CsvReader<CsvRecord> parser = FORMAT.ofCsvRecord(text)) {
            List<String> columns = null;
            long rowNumber = 0;
            java.util.Iterator<CsvRecord> records = parser.iterator();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                rowNumber++;
                if (columns == null) {
                    columns = header(record);
                    onHeader.accept(columns);
                    continue;
                }
                if (record.getFieldCount() != columns.size()) {
                    if (!records.hasNext() && text.insideQuotes()) {
                        throw unclosedQuote();
                    }
                    throw new InvalidCsvException("Row " + rowNumber + " (line " + record.getStartingLineNumber()
                            + ") has " + record.getFieldCount() + " fields but the header has " + columns.size()
                            + "; every row needs one value per column (leave a cell empty for a missing value, quote values that contain commas).");
                }
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    String value = record.getField(i).strip();
                    row[i] = value.isEmpty() ? null : value;
                }
                if (!handler.row(row)) {
                    return columns;
                }
            }
            if (text.insideQuotes()) {
                throw unclosedQuote();
            }
            if (columns == null) {
                throw new InvalidCsvException("The file is empty: upload a CSV with a header row and at least one data row.");
            }
            if (rowNumber < 2) {
                throw new InvalidCsvException("The file has a header but no data rows.");
            }
            return columns;
        } catch (CsvParseException | UncheckedIOException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw refusal(new UncheckedIOException(e));
        }
    }

    /**
     * What a failure while unpacking, decoding or parsing tells the uploader. FastCSV wraps what the text reader threw
     * (our own limits, invalid UTF-8, a damaged gzip stream); those keep their own message.
     */
    private static RuntimeException refusal(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException || cause instanceof InvalidCsvException) {
                return (RuntimeException) cause;
            }
            if (cause instanceof CharacterCodingException) {
                return notUtf8();
            }
            if (cause instanceof ZipException || cause instanceof java.io.EOFException) {
                return new InvalidCsvException("The gzip-compressed file is damaged: " + cause.getMessage());
            }
        }
        if (e instanceof UncheckedIOException) {
            return e;
        }
        return new InvalidCsvException("The file is not valid CSV: " + rootCause(e).getMessage()
                + ". Check that quotes are balanced (a quote inside a quoted field is written twice).");
    }

    private static Reader utf8WithoutBom(InputStream raw) throws IOException {
        InputStream in = gunzipIfCompressed(raw);
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** A gzip-compressed CSV (e.g. {@code data.csv.gz}) is read as if it had been uploaded uncompressed. */
    private static InputStream gunzipIfCompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new GZIPInputStream(in);
            } catch (ZipException e) {
                throw new InvalidCsvException("The file looks gzip-compressed but cannot be unpacked: " + e.getMessage());
            }
        }
        return in;
    }

    private static List<String> header(CsvRecord record) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            if (name.isEmpty()) {
                throw new InvalidCsvException("Column " + (i + 1) + " of the header has no name: every column needs a unique, non-empty name.");
            }
            if (!seen.add(name)) {
                throw new InvalidCsvException("The header names column '" + name + "' twice: column names must be unique.");
            }
            columns.add(name);
        }
        return columns;
    }

    /**
     * Counts the characters of the current row as the parser pulls them (a newline inside quotes does not end a row)
     * and stops at NUL characters, which CSV text never has but binary files do.
     */
    private static final class GuardedReader extends Reader {

        private final Reader in;
        private final int maxRowLength;
        private final long maxCharacters;
        private boolean quoted;
        private boolean closingQuote;
        private boolean fieldStart = true;
        private long rowLength;
        private long line = 1;
        private long characters;

        GuardedReader(Reader in, int maxRowLength, long maxCharacters) {
            this.in = in;
            this.maxRowLength = maxRowLength;
            this.maxCharacters = maxCharacters;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            characters += Math.max(read, 0);
            if (characters > maxCharacters) {
                throw new TooLargeException("The CSV text is longer than " + maxCharacters
                        + " characters (after unpacking, if it was gzip-compressed); the limit backprop.datasets.max-characters is "
                        + maxCharacters + ". Split the file.");
            }
            for (int i = offset; i < offset + read; i++) {
                char c = buffer[i];
                if (c == '\0') {
                    throw new InvalidCsvException("Line " + line + " contains a NUL character: this looks like a binary file,"
                            + " not CSV text. Export the data as CSV (UTF-8) and upload that.");
                }
                track(c);
                if (c == '\n') {
                    line++;
                    if (!quoted) {
                        rowLength = 0;
                        continue;
                    }
                }
                if (++rowLength > maxRowLength) {
                    throw new TooLargeException("The row that starts before line " + line + " is longer than " + maxRowLength
                            + " characters; the limit backprop.datasets.max-row-length is " + maxRowLength
                            + ". (An opening quote that is never closed makes the rest of the file one row.)");
                }
            }
            return read;
        }

        /**
         * Follows quoting as RFC 4180 and the parser read it: a quote opens a quoted field only at the start of a field
         * (after spaces, which are ignored there), {@code ""} inside one is a quote, and elsewhere a quote is just a
         * character (a height of 5'11", say).
         */
        private void track(char c) {
            if (quoted) {
                if (closingQuote) {
                    closingQuote = false;
                    if (c == '"') {
                        return;
                    }
                    quoted = false;
                } else {
                    closingQuote = c == '"';
                    return;
                }
            }
            if (c == '"' && fieldStart) {
                quoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                fieldStart = true;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
            }
        }

        /** Whether the text read so far ends inside a quoted field that was never closed. */
        boolean insideQuotes() {
            return quoted && !closingQuote;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static InvalidCsvException unclosedQuote() {
        return new InvalidCsvException("The file is not valid CSV: a quoted field is never closed."
                + " Check that quotes are balanced (a quote inside a quoted field is written twice).");
    }

    private static InvalidCsvException notUtf8() {
        return new InvalidCsvException("The file is not UTF-8 text: save it as CSV UTF-8 and upload it again.");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
