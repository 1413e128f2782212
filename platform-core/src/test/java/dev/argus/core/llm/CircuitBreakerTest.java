package dev.argus.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(
            new ResiliencePolicy.CircuitPolicy(3, Duration.ofSeconds(30), 2), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(2);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        fail(2);
        assertEquals(CircuitState.CLOSED, breaker.state(), "a success in between resets the count");
        fail(1);
        assertEquals(CircuitState.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(clock.instant().plusSeconds(30), breaker.openUntil());
    }

    @Test
    void halfOpenLetsOneProbeThroughAndNeedsEnoughSuccessesToClose() {
        fail(3);
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(CircuitState.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.onSuccess();
        assertEquals(CircuitState.HALF_OPEN, breaker.state(), "two good probes are needed");
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        assertEquals(CircuitState.CLOSED, breaker.state());
    }

    @Test
    void aFailedProbeReopensForAnotherPeriod() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitState.OPEN, breaker.state());
        assertEquals(clock.instant().plusSeconds(30), breaker.openUntil());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void policiesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ResiliencePolicy.CircuitPolicy(0, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> ResiliencePolicy.DEFAULT.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class,
                () -> ResiliencePolicy.DEFAULT.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
