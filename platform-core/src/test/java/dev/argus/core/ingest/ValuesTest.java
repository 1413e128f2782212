package dev.argus.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.ingest.pricing.LiteLlmPrices;
import dev.argus.core.ingest.pricing.ModelPrice;
import dev.argus.core.server.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Histogram buckets, UUIDv7 layout and LiteLLM price import. */
class ValuesTest {

    @Test
    void histogramBucketsAreIncreasingAndMergeByAddition() {
        long[] bounds = LatencyHistogram.bounds();
        for (int i = 1; i < bounds.length; i++) {
            assertTrue(bounds[i] > bounds[i - 1]);
            assertTrue(bounds[i] <= Math.ceil(bounds[i - 1] * 1.19) + 1, "bucket " + i + " grows by at most ~19 %");
        }
        assertEquals(0, LatencyHistogram.bucketOf(0));
        assertEquals(1, LatencyHistogram.bucketOf(1));
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucketOf(LatencyHistogram.MAX_BOUND_MS));
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucketOf(Long.MAX_VALUE));
        long[] merged = new long[LatencyHistogram.BUCKETS];
        for (long ms = 1; ms <= 1000; ms++) {
            LatencyHistogram.addInto(merged, LatencyHistogram.of(ms));
        }
        double p50 = LatencyHistogram.quantile(merged, 0.5);
        double p99 = LatencyHistogram.quantile(merged, 0.99);
        assertTrue(Math.abs(p50 - 500) / 500 < 0.19, "p50 " + p50);
        assertTrue(Math.abs(p99 - 990) / 990 < 0.19, "p99 " + p99);
    }

    @Test
    void uuidV7CarriesTheMillisecondsVersionAndVariant() {
        Instant at = Instant.parse("2026-11-28T10:15:30.123Z");
        UUID id = UuidV7.at(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, UuidV7.timestamp(id));
        assertTrue(id.toString().startsWith(String.format("%012x", at.toEpochMilli()).substring(0, 8)));
        assertTrue(UuidV7.at(at.plusMillis(1)).compareTo(id) > 0 || UuidV7.at(at.plusMillis(1)).getMostSignificantBits()
                > id.getMostSignificantBits());
    }

    @Test
    void liteLlmPricesConvertExactlyToPerMillion() throws Exception {
        JsonNode file = Json.MAPPER.readTree("""
                {"sample_spec": {"input_cost_per_token": 0, "litellm_provider": "x"},
                 "gpt-4o-mini": {"input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
                   "cache_read_input_token_cost": 7.5e-08, "litellm_provider": "openai", "mode": "chat"},
                 "anthropic/claude-sonnet-4-5": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                   "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
                   "litellm_provider": "anthropic", "mode": "chat"},
                 "dall-e-3": {"output_cost_per_image": 0.04, "litellm_provider": "openai", "mode": "image_generation"},
                 "text-embedding-3-small": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0,
                   "litellm_provider": "openai", "mode": "embedding"}}
                """);
        List<ModelPrice> prices = LiteLlmPrices.read(file, LocalDate.parse("2026-11-01"), Set.of());
        assertEquals(2, prices.size());
        ModelPrice mini = prices.stream().filter(p -> p.model().equals("gpt-4o-mini")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.15"), mini.inputPerMillion());
        assertEquals(new BigDecimal("0.6"), mini.outputPerMillion());
        assertEquals(new BigDecimal("0.075"), mini.cacheReadPerMillion());
        assertNull(mini.cacheWritePerMillion());
        ModelPrice sonnet = prices.stream().filter(p -> p.provider().equals("anthropic")).findFirst().orElseThrow();
        assertEquals("claude-sonnet-4-5", sonnet.model());
        assertEquals(new BigDecimal("3.75"), sonnet.cacheWritePerMillion());
        assertEquals(1, LiteLlmPrices.read(file, LocalDate.parse("2026-11-01"), Set.of("anthropic")).size());
    }
}
