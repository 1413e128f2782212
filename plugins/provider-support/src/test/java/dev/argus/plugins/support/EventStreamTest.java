package dev.argus.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.argus.plugins.testkit.WireSamples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static EventStream of(String text) {
        return new EventStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheRecordedAnthropicStreamEventByEvent() throws Exception {
        List<String> names = new ArrayList<>();
        try (EventStream events = of(String.join("", WireSamples.streamPieces("anthropic_stream.txt")))) {
            EventStream.Event e;
            while ((e = events.nextEvent()) != null) {
                names.add(e.name());
                assertEquals(e.name(), Json.read(e.data()).get("type").asText());
            }
        }
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"), names);
    }

    @Test
    void followsTheSseFramingRules() throws Exception {
        try (EventStream events = of(": comment\r\nevent: a\r\ndata: one\r\ndata:two\r\nid: 7\r\n\r\n\n\nretry: 5\n\ndata: last")) {
            EventStream.Event first = events.nextEvent();
            assertEquals("a", first.name());
            assertEquals("one\ntwo", first.data());
            EventStream.Event last = events.nextEvent();
            assertEquals("message", last.name());
            assertEquals("last", last.data());
            assertNull(events.nextEvent());
        }
    }

    @Test
    void readsNdjsonLinesSkippingBlanks() throws Exception {
        try (EventStream lines = of("{\"a\":1}\n\n{\"b\":2}\r\n")) {
            assertEquals("{\"a\":1}", lines.nextLine());
            assertEquals("{\"b\":2}", lines.nextLine());
            assertNull(lines.nextLine());
        }
    }
}
