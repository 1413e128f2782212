package dev.argus.core.llm;

import java.time.Clock;
import java.time.Instant;

/**
 * A circuit breaker for one provider+model: after {@code failureThreshold} consecutive failed
 * attempts it opens and refuses calls for {@code openDuration}; then it lets one probe through at a
 * time (half-open) and closes after {@code halfOpenSuccesses} good probes, or re-opens on a failure.
 */
public final class CircuitBreaker {

    private final ResiliencePolicy.CircuitPolicy policy;
    private final Clock clock;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private int probeSuccesses;
    private boolean probeInFlight;
    private Instant openUntil = Instant.MIN;

    /** A closed breaker. */
    public CircuitBreaker(ResiliencePolicy.CircuitPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Asks to make a call. Each granted permission must be followed by {@link #onSuccess()} or
     * {@link #onFailure()}.
     *
     * @return whether the call may go to the provider
     */
    public synchronized boolean tryAcquire() {
        if (state == CircuitState.OPEN) {
            if (clock.instant().isBefore(openUntil)) {
                return false;
            }
            state = CircuitState.HALF_OPEN;
            probeSuccesses = 0;
            probeInFlight = false;
        }
        if (state == CircuitState.HALF_OPEN) {
            if (probeInFlight) {
                return false;
            }
            probeInFlight = true;
        }
        return true;
    }

    /** The provider answered (a success, or a refusal that says nothing about its health). */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        if (state == CircuitState.HALF_OPEN) {
            probeInFlight = false;
            if (++probeSuccesses >= policy.halfOpenSuccesses()) {
                state = CircuitState.CLOSED;
            }
        }
    }

    /** The provider failed in a way that suggests it is unhealthy. */
    public synchronized void onFailure() {
        if (state == CircuitState.HALF_OPEN) {
            open();
            return;
        }
        if (++consecutiveFailures >= policy.failureThreshold() && state == CircuitState.CLOSED) {
            open();
        }
    }

    private void open() {
        state = CircuitState.OPEN;
        probeInFlight = false;
        consecutiveFailures = 0;
        openUntil = clock.instant().plus(policy.openDuration());
    }

    /** The current state; an open circuit whose period has ended reads as half-open. */
    public synchronized CircuitState state() {
        if (state == CircuitState.OPEN && !clock.instant().isBefore(openUntil)) {
            return CircuitState.HALF_OPEN;
        }
        return state;
    }

    /** When an open circuit lets the next probe through. */
    public synchronized Instant openUntil() {
        return openUntil;
    }
}
