package dev.argus.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-21T12:40:00Z"), ZoneOffset.UTC);

    @Test
    void parsesGoDurationsAsOpenAiSendsThem() {
        assertEquals(Duration.ofMinutes(6), ResponseHeaders.goDuration("6m0s"));
        assertEquals(Duration.ofSeconds(1), ResponseHeaders.goDuration("1s"));
        assertEquals(Duration.ofMillis(20), ResponseHeaders.goDuration("20ms"));
        assertEquals(Duration.ofMillis(12), ResponseHeaders.goDuration("12ms"));
        assertEquals(Duration.ofMillis(17_213), ResponseHeaders.goDuration("17.213s"));
        assertEquals(Duration.ofHours(1).plusMinutes(2).plusMillis(3_500), ResponseHeaders.goDuration("1h2m3.5s"));
        assertEquals(Duration.ofNanos(1500), ResponseHeaders.goDuration("1.5µs"));
        assertEquals(Duration.ZERO, ResponseHeaders.goDuration("0"));
        for (String bad : List.of("", "6", "m", "6x", "1s junk", "-1s", "1s2")) {
            assertNull(ResponseHeaders.goDuration(bad), bad);
        }
    }

    @Test
    void readsRetryAdviceInTheSdkOrder() {
        assertEquals(Duration.ofMillis(1500),
                ResponseHeaders.of(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("9"))).retryAfter(CLOCK));
        assertEquals(Duration.ofSeconds(2), ResponseHeaders.of(Map.of("Retry-After", List.of("2"))).retryAfter(CLOCK));
        assertEquals(Duration.ofMillis(2500), ResponseHeaders.of(Map.of("retry-after", List.of("2.5"))).retryAfter(CLOCK));
        assertEquals(Duration.ofSeconds(30), ResponseHeaders.of(
                Map.of("retry-after", List.of("Thu, 21 Aug 2025 12:40:30 GMT"))).retryAfter(CLOCK));
        assertEquals(Duration.ZERO, ResponseHeaders.of(
                Map.of("retry-after", List.of("Thu, 21 Aug 2025 12:00:00 GMT"))).retryAfter(CLOCK));
        assertNull(ResponseHeaders.of(Map.of("retry-after", List.of("soon"))).retryAfter(CLOCK));
        assertNull(ResponseHeaders.of(Map.of()).retryAfter(CLOCK));
        assertTrue(ResponseHeaders.of(Map.of("x-should-retry", List.of("true"))).shouldRetry());
        assertFalse(ResponseHeaders.of(Map.of("X-Should-Retry", List.of("false"))).shouldRetry());
        assertNull(ResponseHeaders.of(Map.of("x-should-retry", List.of("maybe"))).shouldRetry());
    }

    @Test
    void readsCountsInstantsAndRelativeResets() {
        ResponseHeaders h = ResponseHeaders.of(Map.of(
                "x-ratelimit-remaining-tokens", List.of("149984"),
                "x-ratelimit-reset-tokens", List.of("6m0s"),
                "anthropic-ratelimit-requests-reset", List.of("2025-08-21T12:40:59Z"),
                "bad-count", List.of("12a")));
        assertEquals(149984L, h.count("X-RateLimit-Remaining-Tokens"));
        assertEquals(Instant.parse("2025-08-21T12:46:00Z"), h.resetAfter("x-ratelimit-reset-tokens", CLOCK));
        assertEquals(Instant.parse("2025-08-21T12:40:59Z"), h.instant("anthropic-ratelimit-requests-reset"));
        assertNull(h.count("bad-count"));
        assertNull(h.count("absent"));
    }
}
