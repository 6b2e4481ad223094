package dev.backprop.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV bytes (RFC 4180: quoted fields with commas, quotes and newlines; CRLF or LF; optional UTF-8 BOM)
 * into a {@link CsvTable}. Refuses what would silently go wrong later: invalid UTF-8, empty or duplicate
 * column names, rows of the wrong width, a file without data rows.
 */
public final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CsvReader() {
    }

    public static CsvTable read(byte[] bytes) {
        String text = decodeUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<String> columns = null;
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    continue;
                }
                if (record.size() != columns.size()) {
                    throw new InvalidCsvException("Row " + record.getRecordNumber() + " (line " + lineOf(record)
                            + ") has " + record.size() + " fields but the header has " + columns.size()
                            + "; every row needs one value per column (leave a cell empty for a missing value, quote values that contain commas).");
                }
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    String value = record.get(i).strip();
                    row[i] = value.isEmpty() ? null : value;
                }
                rows.add(row);
            }
            if (columns == null) {
                throw new InvalidCsvException("The file is empty: upload a CSV with a header row and at least one data row.");
            }
            if (rows.isEmpty()) {
                throw new InvalidCsvException("The file has a header but no data rows.");
            }
            return new CsvTable(columns, rows);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidCsvException("The file is not valid CSV: " + rootMessage(e)
                    + ". Check that quotes are balanced (a quote inside a quoted field is written twice).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
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

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCsvException("The file is not UTF-8 text: save it as CSV UTF-8 and upload it again.");
        }
    }

    private static long lineOf(CSVRecord record) {
        return record.getParser().getCurrentLineNumber();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
