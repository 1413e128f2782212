package dev.argus.plugins.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import dev.argus.api.LlmCall;
import dev.argus.api.Usage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CsvExporterTest {

    @Test
    void quotesOnlyFieldsThatNeedItAndDoublesQuotes() throws Exception {
        StringWriter out = new StringWriter();
        CsvExporter.writeRow(out, List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", ""));
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n", out.toString());
    }

    @Test
    void writesHeaderAndOneRowPerCall() throws Exception {
        UUID id = UUID.fromString("01937a5e-0000-7000-8000-000000000001");
        LlmCall call = new LlmCall(id, "openai", "gpt-4o-mini", "error", ErrorCategory.RATE_LIMIT, "slow down, please",
                Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-28T10:00:01.5Z"), 1500, 200L,
                new Usage(10, 20, 3, 0, 5), new BigDecimal("0.0000155"), "u1", null, null, null, "greet", 2,
                List.of("a", "b"), Map.of("k", "v\"q"), "Hello, world", "Hi");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CsvExporter().export(Stream.of(call), bytes);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, lines.length);
        assertEquals(String.join(",", CsvExporter.HEADER), lines[0]);
        assertEquals(id + ",2026-11-28T10:00:00Z,2026-11-28T10:00:01.500Z,openai,gpt-4o-mini,error,rate_limit,"
                + "\"slow down, please\",1500,200,10,20,3,0,5,0.0000155,u1,,,,greet,2,a|b,\"{\"\"k\"\":\"\"v\\\"\"q\"\"}\","
                + "\"Hello, world\",Hi", lines[1]);
        assertTrue(new CsvExporter().mediaType().startsWith("text/csv"));
    }
}
