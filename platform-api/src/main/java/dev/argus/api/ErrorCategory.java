package dev.argus.api;

import java.util.Locale;

/**
 * Why a model call failed, normalised across providers so errors can be compared and alerted on.
 * The wire name ({@link #wireName()}) is the lower-case snake_case form used in the REST API.
 */
public enum ErrorCategory {
    /** Throttled by the provider (HTTP 429). */
    RATE_LIMIT(true),
    /** No answer within the call's timeout. */
    TIMEOUT(true),
    /** Missing, invalid or unauthorised credentials (401/403). */
    AUTH(false),
    /** The provider rejected the request as malformed (400/404/422). */
    INVALID_REQUEST(false),
    /** The prompt plus requested output exceeds the model's context window. */
    CONTEXT_LENGTH(false),
    /** The provider's safety system refused the input or output. */
    CONTENT_FILTER(false),
    /** The provider is temporarily over capacity (Anthropic 529, OpenAI 503). */
    OVERLOADED(true),
    /** The provider failed internally (5xx). */
    SERVER_ERROR(true),
    /** The connection failed before an HTTP answer (DNS, refused, reset). */
    NETWORK(true),
    /** The caller went away before the answer completed. */
    CANCELLED(false),
    /** Anything not classified above. */
    UNKNOWN(false);

    private final boolean retryable;

    ErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether repeating the same request later may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** The name used on the wire, e.g. {@code rate_limit}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static ErrorCategory fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
