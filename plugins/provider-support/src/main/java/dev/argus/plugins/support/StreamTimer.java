package dev.argus.plugins.support;

import dev.argus.api.ErrorCategory;
import dev.argus.api.provider.ProviderException;
import java.time.Duration;

/**
 * Times one streamed answer: the delay from sending the request to the first piece of text, and a
 * deadline for the whole answer (the HTTP client's request timeout only covers the response headers).
 */
public final class StreamTimer {

    private final String name;
    private final long startNanos;
    private final long deadlineNanos;
    private long firstTextNanos = -1;

    /**
     * Starts timing now.
     *
     * @param name    the provider's name, used in messages
     * @param timeout how long the whole answer may take
     */
    public StreamTimer(String name, Duration timeout) {
        this.name = name;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + timeout.toNanos();
    }

    /** Records that text arrived; only the first non-empty text counts. */
    public void text(String text) {
        if (firstTextNanos < 0 && text != null && !text.isEmpty()) {
            firstTextNanos = System.nanoTime();
        }
    }

    /** The delay until the first text, or {@code null} when none arrived. */
    public Duration timeToFirstToken() {
        return firstTextNanos < 0 ? null : Duration.ofNanos(firstTextNanos - startNanos);
    }

    /**
     * Fails when the whole-answer deadline has passed or the calling thread was interrupted.
     *
     * @throws ProviderException with {@code timeout} or {@code cancelled}
     */
    public void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ProviderException(ErrorCategory.CANCELLED, name + " stream interrupted");
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new ProviderException(ErrorCategory.TIMEOUT, name + " stream did not finish in time");
        }
    }
}
