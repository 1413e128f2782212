package dev.argus.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Token buckets by key (an API key id, a user id, an e-mail address…), held in memory per node.
 * Buckets idle for longer than it takes to refill are dropped, as a fresh one is identical.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Cache<String, TokenBucket> buckets;

    /** @param perMinute bucket capacity and refill per minute */
    public RateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(1_000_000).build();
    }

    /** Takes one token from {@code key}'s bucket. */
    public RateLimitDecision take(String key) {
        long now = System.nanoTime();
        return buckets.get(key, k -> new TokenBucket(perMinute, now)).tryTake(now);
    }
}
