package dev.argus.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import dev.argus.plugins.testkit.WireSamples;
import org.junit.jupiter.api.Test;

class WireSamplesTest {

    @Test
    void copiesMatchTheSharedWireFolderWhenItIsPresent() throws Exception {
        Path shared = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/wire"))) {
                shared = dir.resolve("shared/wire");
                break;
            }
        }
        assumeTrue(shared != null, "shared/wire is not beside this checkout");
        try (Stream<Path> files = Files.list(shared)) {
            for (Path file : files.toList()) {
                assertEquals(Files.readString(file), WireSamples.text(file.getFileName().toString()), file.toString());
            }
        }
    }

    @Test
    void streamPiecesAreTheRawEventsWithoutTheCommentBlock() {
        var pieces = WireSamples.streamPieces("openai_chat_stream_include_usage.txt");
        assertEquals(10, pieces.size());
        assertEquals("data: [DONE]\n\n", pieces.getLast());
        pieces.forEach(p -> assertEquals(true, p.startsWith("data: ") && p.endsWith("\n\n"), p));
    }
}
