package dev.argus.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a streamed body into lines as the bytes arrive, keeping each line's exact bytes (with its
 * {@code \n} or {@code \r\n}) so the relay forwards the upstream's bytes unchanged. Returns a line
 * as soon as its newline arrives; never waits for more than the current line.
 */
final class RawLines {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    RawLines(InputStream in) {
        this.in = in;
    }

    /** The next line with its newline, the unterminated tail at the end, or {@code null} when done. */
    byte[] next() throws IOException {
        byte[] pending = null;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = concat(pending, i + 1);
                    start = i + 1;
                    return line;
                }
            }
            if (end > start) {
                pending = concat(pending, end);
            }
            start = 0;
            end = in.read(buffer);
            if (end <= 0) {
                end = 0;
                return pending;
            }
        }
    }

    private byte[] concat(byte[] pending, int upTo) {
        byte[] part = Arrays.copyOfRange(buffer, start, upTo);
        start = upTo;
        if (pending == null) {
            return part;
        }
        byte[] joined = Arrays.copyOf(pending, pending.length + part.length);
        System.arraycopy(part, 0, joined, pending.length, part.length);
        return joined;
    }
}
