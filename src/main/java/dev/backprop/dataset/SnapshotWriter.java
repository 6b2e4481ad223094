package dev.backprop.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TableSnapshot} row by row as the upload streams past, so it is never held in memory whole. Numbers
 * are parsed once per dictionary entry (and per inline cell), here at upload instead of in every training job.
 */
final class SnapshotWriter implements Closeable {

    private final OutputStream out;
    private final byte[] buffer = new byte[TableSnapshot.BUFFER_SIZE];
    private int position;
    private Map<String, Integer>[] dictionaries;
    private int dictionarySize;

    SnapshotWriter(OutputStream out) {
        this.out = out;
    }

    @SuppressWarnings("unchecked")
    void header(List<String> columns) {
        dictionarySize = TableSnapshot.dictionarySize(columns.size());
        dictionaries = new Map[columns.size()];
        for (int c = 0; c < dictionaries.length; c++) {
            dictionaries[c] = new HashMap<>();
        }
        for (byte b : TableSnapshot.MAGIC) {
            writeByte(b);
        }
        writeVarint(TableSnapshot.VERSION);
        writeVarint(columns.size());
        writeVarint(dictionarySize);
        writeVarint(TableSnapshot.MAX_ENTRY_LENGTH);
        columns.forEach(this::writeText);
    }

    /** One data row, as wide as the header; {@code null} is a missing cell. */
    void row(String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            if (cell == null) {
                writeVarint(TableSnapshot.MISSING);
                continue;
            }
            Map<String, Integer> dictionary = dictionaries[c];
            Integer entry = dictionary.get(cell);
            if (entry != null) {
                writeVarint(TableSnapshot.FIRST_ENTRY + entry);
                continue;
            }
            double number = Numbers.parseDouble(cell);
            boolean isNumber = !Double.isNaN(number);
            writeVarint(isNumber ? TableSnapshot.NEW_NUMBER : TableSnapshot.NEW_TEXT);
            writeText(cell);
            if (isNumber) {
                writeDouble(number);
            }
            if (dictionary.size() < dictionarySize && cell.length() <= TableSnapshot.MAX_ENTRY_LENGTH) {
                dictionary.put(cell, dictionary.size());
            }
        }
    }

    /** Writes what is buffered; the stream stays open, for its owner to close (the upload reads the file back). */
    @Override
    public void close() {
        flush();
    }

    private void writeText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(bytes.length);
        if (bytes.length > buffer.length - position) {
            flush();
        }
        if (bytes.length > buffer.length) {
            write(bytes, bytes.length);
        } else {
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }
    }

    private void writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int shift = 56; shift >= 0; shift -= 8) {
            writeByte((byte) (bits >>> shift));
        }
    }

    private void writeVarint(int value) {
        while ((value & ~0x7F) != 0) {
            writeByte((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        writeByte((byte) value);
    }

    private void writeByte(byte b) {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = b;
    }

    private void flush() {
        write(buffer, position);
        position = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            // The snapshot goes to the server's temporary file: a failure here is our disk, not the upload.
            throw DatasetSnapshotStore.cannotWrite(e);
        }
    }
}
