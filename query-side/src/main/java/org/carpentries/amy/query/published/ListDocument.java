package org.carpentries.amy.query.published;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How a format frames the cached texts of a top-level list's elements into the whole document: what comes before
 * the first, between two and after the last, and the document of an empty list. {@link #join} gives the document
 * as a string; {@link #writer} writes it in UTF-8 as the elements arrive, so a large export holds neither every
 * element's string nor the joined string beside its bytes.
 */
public record ListDocument(String prefix, String separator, String suffix, String empty) {

    public String join(List<String> items) {
        return items.isEmpty() ? empty : prefix + String.join(separator, items) + suffix;
    }

    /** The document's size in bytes for {@code items} elements of {@code itemBytes} UTF-8 bytes in all. */
    public int size(long items, long itemBytes) {
        if (items == 0) {
            return utf8(empty);
        }
        long size = utf8(prefix) + utf8(suffix) + (items - 1) * utf8(separator) + itemBytes;
        return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A writer whose buffer starts at {@code expectedBytes} ({@link #size}): when that is the document's size, its
     * bytes are never copied.
     */
    public Writer writer(int expectedBytes) {
        return new Writer(this, expectedBytes);
    }

    /** The document's UTF-8 bytes, written one element at a time. */
    public static final class Writer {

        private final ListDocument framing;
        private final Buffer out;
        private boolean first = true;

        private Writer(ListDocument framing, int expectedBytes) {
            this.framing = framing;
            this.out = new Buffer(Math.max(64, expectedBytes));
        }

        public void add(String item) {
            out.append(first ? framing.prefix : framing.separator);
            out.append(item);
            first = false;
        }

        /** The whole document; the writer is done. */
        public byte[] bytes() {
            if (first) {
                return framing.empty.getBytes(StandardCharsets.UTF_8);
            }
            out.append(framing.suffix);
            return out.bytes();
        }
    }

    private static final class Buffer extends ByteArrayOutputStream {

        Buffer(int size) {
            super(size);
        }

        void append(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
        }

        /** The bytes written, without a copy when the buffer was sized right. */
        byte[] bytes() {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
    }
}
