package dev.argus.core.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rule state machine: for-duration, firing, resolution and cooldown. */
class RuleStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration FOR = Duration.ofMinutes(2);
    private static final Duration COOLDOWN = Duration.ofMinutes(10);

    @Test
    void firesOnlyAfterTheConditionHeldForTheForDuration() {
        RuleState.Step s = new RuleState(RuleState.OK, null, null).step(true, T0, FOR, COOLDOWN);
        assertEquals(RuleState.PENDING, s.next().state());
        assertNull(s.event());
        s = s.next().step(true, T0.plusSeconds(60), FOR, COOLDOWN);
        assertEquals(RuleState.PENDING, s.next().state());
        assertEquals(T0, s.next().pendingSince());
        s = s.next().step(true, T0.plusSeconds(120), FOR, COOLDOWN);
        assertEquals(RuleState.FIRING, s.event());
        assertEquals(T0.plusSeconds(120), s.next().lastFiredAt());
        s = s.next().step(true, T0.plusSeconds(180), FOR, COOLDOWN);
        assertNull(s.event(), "still firing is no new event");
        s = s.next().step(false, T0.plusSeconds(240), FOR, COOLDOWN);
        assertEquals(RuleState.RESOLVED, s.event());
    }

    @Test
    void aBlipShorterThanTheForDurationGoesBackToOk() {
        RuleState.Step s = new RuleState(RuleState.OK, null, null).step(true, T0, FOR, COOLDOWN);
        s = s.next().step(false, T0.plusSeconds(60), FOR, COOLDOWN);
        assertEquals(RuleState.OK, s.next().state());
        assertNull(s.event());
        s = s.next().step(true, T0.plusSeconds(90), FOR, COOLDOWN);
        assertEquals(T0.plusSeconds(90), s.next().pendingSince(), "the for-duration starts again");
    }

    @Test
    void cooldownHoldsBackARefireUntilItEnds() {
        RuleState resolved = new RuleState(RuleState.RESOLVED, null, T0);
        RuleState.Step s = resolved.step(true, T0.plusSeconds(300), Duration.ZERO, COOLDOWN);
        assertEquals(RuleState.PENDING, s.next().state());
        assertNull(s.event());
        s = s.next().step(true, T0.plusSeconds(600), Duration.ZERO, COOLDOWN);
        assertEquals(RuleState.FIRING, s.event());
    }
}
