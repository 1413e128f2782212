package dev.argus.core.llm;

import java.time.Duration;

/**
 * How hard {@link ResilientLlm} tries. Retries use exponential backoff with full jitter
 * ({@code random(0, min(maxBackoff, initialBackoff * 2^(n-1)))}), never waiting less than an
 * upstream's Retry-After, and stop at {@code maxAttempts} per model or when the next wait would
 * overrun {@code totalBudget}.
 *
 * @param maxAttempts     tries per model, the first included (≥ 1)
 * @param initialBackoff  cap of the first backoff
 * @param maxBackoff      largest backoff cap
 * @param maxRetryAfter   longest Retry-After honoured; a longer one ends the retries at once
 * @param attemptTimeout  longest single attempt (a request's own shorter timeout wins)
 * @param totalBudget     longest time for the whole call, retries and fallback included
 * @param circuit         the per provider+model circuit breaker settings
 */
public record ResiliencePolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                               Duration attemptTimeout, Duration totalBudget, CircuitPolicy circuit) {

    /** Three attempts, 0.5 s … 8 s backoff, Retry-After up to 60 s, 60 s per attempt, 3 min in all. */
    public static final ResiliencePolicy DEFAULT = new ResiliencePolicy(3, Duration.ofMillis(500),
            Duration.ofSeconds(8), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(3),
            CircuitPolicy.DEFAULT);

    /** Checks the bounds. */
    public ResiliencePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        for (Duration d : new Duration[] {initialBackoff, maxBackoff, maxRetryAfter, attemptTimeout, totalBudget}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be zero or positive");
            }
        }
        if (attemptTimeout.isZero() || totalBudget.isZero()) {
            throw new IllegalArgumentException("attemptTimeout and totalBudget must be positive");
        }
        java.util.Objects.requireNonNull(circuit, "circuit");
    }

    /** This policy with another number of attempts. */
    public ResiliencePolicy withMaxAttempts(int attempts) {
        return new ResiliencePolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter, attemptTimeout, totalBudget,
                circuit);
    }

    /** This policy with other timeouts. */
    public ResiliencePolicy withTimeouts(Duration attempt, Duration total) {
        return new ResiliencePolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, attempt, total, circuit);
    }

    /** This policy with other circuit settings. */
    public ResiliencePolicy withCircuit(CircuitPolicy policy) {
        return new ResiliencePolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, attemptTimeout, totalBudget,
                policy);
    }

    /**
     * Circuit breaker settings.
     *
     * @param failureThreshold  consecutive failed attempts that open the circuit (≥ 1)
     * @param openDuration      how long an open circuit refuses calls before letting a probe through
     * @param halfOpenSuccesses successful probes needed to close it again (≥ 1)
     */
    public record CircuitPolicy(int failureThreshold, Duration openDuration, int halfOpenSuccesses) {

        /** Five failures open it for 30 s; one good probe closes it. */
        public static final CircuitPolicy DEFAULT = new CircuitPolicy(5, Duration.ofSeconds(30), 1);

        /** Checks the bounds. */
        public CircuitPolicy {
            if (failureThreshold < 1 || halfOpenSuccesses < 1) {
                throw new IllegalArgumentException("failureThreshold and halfOpenSuccesses must be at least 1");
            }
            if (openDuration == null || openDuration.isNegative()) {
                throw new IllegalArgumentException("openDuration must be zero or positive");
            }
        }
    }
}
