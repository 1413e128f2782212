package dev.argus.core.llm;

import java.util.concurrent.ThreadLocalRandom;

/** Picks a backoff in {@code [0, cap]} milliseconds; replaceable so tests are deterministic. */
@FunctionalInterface
public interface Jitter {

    /** Uniformly random ("full jitter"). */
    Jitter FULL = cap -> cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);

    /** A value between 0 and {@code capMillis}, both included. */
    long pick(long capMillis);
}
