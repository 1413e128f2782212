package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.LlmCall;
import dev.argus.api.exporter.Exporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Exporter}: a media type and file extension, every call in the output,
 * writing while the host is still reading rows (never collecting the stream), leaving the output
 * open, reporting a failing output as {@link IOException}, and the same bytes from concurrent exports.
 *
 * <pre>{@code
 * class MyExporterContractTest extends ExporterContract {
 *     @Override
 *     protected Exporter newExtension() {
 *         return new MyExporter();
 *     }
 * }
 * }</pre>
 */
public abstract class ExporterContract extends ExtensionContract<Exporter> {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*(\\s*;.*)?");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

    /** The calls the tests export; by default {@link SampleCalls#varied()}. */
    protected List<LlmCall> calls() {
        return SampleCalls.varied();
    }

    /**
     * Checks an export of {@code calls}. The default reads the output as UTF-8 and looks for every
     * call's id; a binary format overrides this and parses its own output.
     */
    protected void checkOutput(List<LlmCall> calls, byte[] output) {
        String text = new String(output, StandardCharsets.UTF_8);
        for (LlmCall call : calls) {
            assertTrue(text.contains(call.id().toString()), "call " + call.id() + " is missing from the export");
        }
    }

    /** How many calls the streaming test pulls; the first bytes must reach the output before the last call is read. */
    protected int streamedCalls() {
        return 5_000;
    }

    /** Whether the same calls always export to the same bytes. */
    protected boolean deterministic() {
        return true;
    }

    @Test
    void mediaTypeIsTypeSlashSubtype() {
        String type = newExtension().mediaType();
        assertTrue(type != null && MEDIA_TYPE.matcher(type).matches(), "mediaType() must look like text/csv, is " + type);
    }

    @Test
    void fileExtensionIsGivenWithoutTheDot() {
        String extension = newExtension().fileExtension();
        assertTrue(extension != null && EXTENSION.matcher(extension).matches(),
                "fileExtension() must look like csv or tar.gz (no leading dot), is " + extension);
    }

    @Test
    void exportsEveryCall() throws IOException {
        List<LlmCall> calls = calls();
        checkOutput(calls, export(initialised(), calls));
    }

    @Test
    void exportsAnEmptyStream() throws IOException {
        checkOutput(List.of(), export(initialised(), List.of()));
    }

    @Test
    void leavesTheOutputOpen() throws IOException {
        Sink sink = new Sink(Long.MAX_VALUE);
        initialised().export(calls().stream(), sink);
        assertFalse(sink.closed, "export closed the output; the host still writes to it (or closes it itself)");
    }

    @Test
    void writesWhileTheHostIsStillReading() throws IOException {
        Sink sink = new Sink(Long.MAX_VALUE);
        int count = streamedCalls();
        AtomicLong writtenBeforeLast = new AtomicLong(-1);
        Stream<LlmCall> calls = LongStream.rangeClosed(1, count).mapToObj(n -> {
            if (n == count) {
                writtenBeforeLast.set(sink.written);
            }
            return SampleCalls.simple(n);
        });
        initialised().export(calls, sink);
        assertTrue(writtenBeforeLast.get() > 0, "nothing reached the output before call " + count + " was read: "
                + "the host streams rows from a database cursor, so write each call as it arrives");
    }

    @Test
    void aFailingOutputIsReportedAsIOException() {
        Exporter exporter = initialised();
        assertThrows(IOException.class, () -> exporter.export(calls().stream(), new Sink(16)),
                "when writing fails, export must throw the IOException (a PrintWriter, for one, swallows it)");
    }

    @Test
    void concurrentExportsWriteTheSameBytes() throws Exception {
        Assumptions.assumeTrue(deterministic(), "the output varies from export to export");
        Exporter exporter = initialised();
        List<LlmCall> calls = calls();
        byte[] sequential = export(exporter, calls);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> export(exporter, calls)));
            }
            for (Future<byte[]> future : futures) {
                assertArrayEquals(sequential, future.get(), "the host runs exports of one instance concurrently;"
                        + " a concurrent export wrote different bytes");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] export(Exporter exporter, List<LlmCall> calls) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(calls.stream(), out);
        return out.toByteArray();
    }

    /** Counts bytes, records closing, and fails once {@code limit} bytes were written. */
    private static final class Sink extends OutputStream {
        private final long limit;
        private volatile long written;
        private volatile boolean closed;

        Sink(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("the test's output fails after " + limit + " bytes");
            }
            written += len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
