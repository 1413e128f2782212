package dev.argus.core.evaluation;

import java.time.Duration;

/**
 * How the evaluation job queue runs.
 *
 * @param nodeId       who claims jobs (written to {@code locked_by}); unique per worker
 * @param concurrency  jobs one worker runs at once, each on its own virtual thread
 * @param pollInterval how often an idle worker looks for due jobs
 * @param timeout      how long one evaluation may take before the attempt fails
 * @param maxAttempts  attempts before a job is dead-lettered
 * @param backoffBase  delay before the first retry; doubled for each further one
 * @param backoffMax   the longest delay between attempts
 */
public record QueueSettings(String nodeId, int concurrency, Duration pollInterval, Duration timeout, int maxAttempts,
                            Duration backoffBase, Duration backoffMax) {

    /** Production defaults: the plugin host's evaluator bound (2 min) and five attempts. */
    public static QueueSettings defaults(String nodeId) {
        return new QueueSettings(nodeId, 8, Duration.ofMillis(250), Duration.ofMinutes(2), 5, Duration.ofSeconds(2),
                Duration.ofMinutes(5));
    }

    /** Checks the bounds. */
    public QueueSettings {
        if (concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency and max attempts must be positive");
        }
    }

    /**
     * How long a claim holds: the timeout plus a margin, so a job is only reclaimed from a worker
     * that died (or stalled far beyond its timeout), never from one still inside its attempt.
     */
    public Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }

    /** The delay after failed attempt number {@code attempt} (1-based): base × 2^(attempt−1), capped. */
    public Duration backoff(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = backoffBase.multipliedBy(1L << shift);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }

    /** A copy with other attempt limits and backoff. */
    public QueueSettings withRetries(int attempts, Duration base, Duration max) {
        return new QueueSettings(nodeId, concurrency, pollInterval, timeout, attempts, base, max);
    }

    /** A copy with another timeout. */
    public QueueSettings withTimeout(Duration value) {
        return new QueueSettings(nodeId, concurrency, pollInterval, value, maxAttempts, backoffBase, backoffMax);
    }
}
