package dev.argus.core.llm;

import java.time.Duration;

/** Waits between retries; tests replace it to advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper REAL = duration -> Thread.sleep(duration);

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
