package dev.backprop.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@link TableSnapshot} through a buffer of its own: a buffered stream's synchronised read per byte
 * cost more than the decoding.
 */
final class SnapshotInput {

    private final InputStream in;
    private final byte[] buffer = new byte[TableSnapshot.BUFFER_SIZE];
    private int position;
    private int limit;

    SnapshotInput(InputStream in) {
        this.in = in;
    }

    boolean atEnd() {
        return position == limit && fill() == -1;
    }

    String readText() {
        return readText(readLength());
    }

    /** The length of the text that follows. */
    int readLength() {
        int length = readVarint();
        if (length < 0) {
            throw SnapshotReader.damaged("a text in it has the length " + length);
        }
        return length;
    }

    /** A text of {@code length} bytes (read with {@link #readLength}). */
    String readText(int length) {
        if (length <= limit - position) {
            String text = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = readByte();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The next {@code length} bytes into {@code into} from {@code offset}. */
    void readBytes(byte[] into, int offset, int length) {
        int done = 0;
        while (done < length) {
            if (position == limit && fill() == -1) {
                throw SnapshotReader.damaged("it ends in the middle of a row");
            }
            int count = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, into, offset + done, count);
            position += count;
            done += count;
        }
    }

    long readLong() {
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = bits << 8 | (readByte() & 0xFF);
        }
        return bits;
    }

    int readVarint() {
        // Most codes fit one byte (MNIST: nine in ten cells).
        if (position < limit && buffer[position] >= 0) {
            return buffer[position++];
        }
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw SnapshotReader.damaged("a number in it is longer than five bytes");
    }

    byte readByte() {
        if (position == limit && fill() == -1) {
            throw SnapshotReader.damaged("it ends in the middle of a row");
        }
        return buffer[position++];
    }

    private int fill() {
        try {
            int read = in.readNBytes(buffer, 0, buffer.length);
            position = 0;
            limit = read;
            return read == 0 ? -1 : read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
