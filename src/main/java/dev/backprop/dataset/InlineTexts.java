package dev.backprop.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The texts of a snapshot's table kept out of the column dictionaries (a column's texts once its dictionary is full,
 * or texts too long for one), as their UTF-8 bytes one after another: a text becomes a {@code String} only when its
 * cell is read. The synthetic benchmark set's 2 million distinct numbers were 2 million strings built for every
 * training job and dropped unread, since a numeric column is read as numbers.
 */
final class InlineTexts {

    private byte[] bytes = new byte[4096];
    private int[] ends = new int[256];
    private int size;

    int size() {
        return size;
    }

    /** Takes the next {@code length} bytes of {@code in} as a text; answers its index. */
    int read(SnapshotInput in, int length) {
        int start = end();
        makeRoom(start, length);
        in.readBytes(bytes, start, length);
        return append(start + length);
    }

    /** Adds a text; answers its index. */
    int add(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int start = end();
        makeRoom(start, utf8.length);
        System.arraycopy(utf8, 0, bytes, start, utf8.length);
        return append(start + utf8.length);
    }

    String get(int index) {
        Objects.checkIndex(index, size);
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(bytes, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    private int end() {
        return size == 0 ? 0 : ends[size - 1];
    }

    private void makeRoom(int start, int length) {
        long needed = (long) start + length;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The dataset's snapshot holds more than " + (Integer.MAX_VALUE - 8)
                    + " bytes of texts outside its dictionaries, more than one table in memory can.");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, 2 * size);
        }
    }

    private int append(int end) {
        ends[size] = end;
        return size++;
    }
}
