package dev.argus.api.provider;

import dev.argus.api.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed provider call, already classified. The host decides on retries from
 * {@link #category()} and {@link #retryAfter()}.
 */
public class ProviderException extends RuntimeException {

    private final ErrorCategory category;
    private final int httpStatus;
    private final Duration retryAfter;
    private final RateLimitSnapshot rateLimits;
    private final Boolean shouldRetry;

    /**
     * @param category   the normalised error category
     * @param httpStatus the upstream HTTP status, or 0 when there was no HTTP answer
     * @param message    the upstream's message (never containing credentials)
     * @param retryAfter how long the upstream asked to wait, or {@code null}
     * @param rateLimits headroom reported with the error, or {@link RateLimitSnapshot#NONE}
     * @param cause      the underlying exception, or {@code null}
     */
    public ProviderException(ErrorCategory category, int httpStatus, String message, Duration retryAfter,
                             RateLimitSnapshot rateLimits, Throwable cause) {
        this(category, httpStatus, message, retryAfter, rateLimits, null, cause);
    }

    /**
     * A failure with the upstream's explicit retry advice (for example the {@code x-should-retry}
     * header OpenAI and Anthropic send), which overrides {@link ErrorCategory#retryable()}.
     *
     * @param shouldRetry {@code true}/{@code false} when the upstream said so, {@code null} when it did not
     * @since 0.1.0 (added with the provider plugins; the other constructors leave it unset)
     */
    public ProviderException(ErrorCategory category, int httpStatus, String message, Duration retryAfter,
                             RateLimitSnapshot rateLimits, Boolean shouldRetry, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.rateLimits = rateLimits == null ? RateLimitSnapshot.NONE : rateLimits;
        this.shouldRetry = shouldRetry;
    }

    /** A failure without HTTP details. */
    public ProviderException(ErrorCategory category, String message) {
        this(category, 0, message, null, RateLimitSnapshot.NONE, null);
    }

    /** The normalised category. */
    public ErrorCategory category() {
        return category;
    }

    /** The upstream HTTP status, or 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the upstream asked to wait before retrying, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Rate-limit headroom reported with the error. */
    public RateLimitSnapshot rateLimits() {
        return rateLimits;
    }

    /**
     * The upstream's explicit advice on retrying, when it gave one; the host follows it over the
     * category's default.
     */
    public Optional<Boolean> shouldRetry() {
        return Optional.ofNullable(shouldRetry);
    }
}
