package dev.argus.core.llm;

import dev.argus.api.provider.ProviderException;
import java.util.List;

/**
 * A call that got no answer after its retries and fallback. It carries the last attempt's category,
 * status and rate limits (so it can be handled like any {@link ProviderException}) and every attempt.
 */
public final class CallFailedException extends ProviderException {

    private final transient List<Attempt> attempts;

    CallFailedException(ProviderException last, List<Attempt> attempts) {
        super(last.category(), last.httpStatus(), last.getMessage(), last.retryAfter(), last.rateLimits(),
                last.shouldRetry().orElse(null), last);
        this.attempts = List.copyOf(attempts);
    }

    /** Every attempt, in order; may be empty when the budget was spent before the first. */
    public List<Attempt> attempts() {
        return attempts;
    }
}
