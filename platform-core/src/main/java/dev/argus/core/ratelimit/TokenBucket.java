package dev.argus.core.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens and refills {@code capacity} tokens per minute,
 * continuously. Thread-safe.
 */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final int capacity;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int capacity, long nowNanos) {
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    synchronized RateLimitDecision tryTake(long nowNanos) {
        double refill = (nowNanos - updatedNanos) / NANOS_PER_MINUTE * capacity;
        tokens = Math.min(capacity, tokens + Math.max(0, refill));
        updatedNanos = nowNanos;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        double perSecond = capacity / 60.0;
        long untilNext = allowed ? 0 : (long) Math.ceil((1 - tokens) / perSecond);
        long untilFull = (long) Math.ceil((capacity - tokens) / perSecond);
        return new RateLimitDecision(allowed, capacity, (long) Math.floor(tokens), untilFull, Math.max(1, untilNext));
    }
}
