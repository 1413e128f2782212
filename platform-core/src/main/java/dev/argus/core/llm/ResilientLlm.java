package dev.argus.core.llm;

import dev.argus.api.ErrorCategory;
import dev.argus.api.provider.ChatChunk;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.LlmProvider;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls any {@link LlmProvider} the way production traffic needs: each attempt under a timeout,
 * retries of retryable failures with exponential backoff and full jitter that honour the upstream's
 * Retry-After and {@code x-should-retry}, a circuit breaker per provider+model, and an optional
 * fallback model. Every attempt is reported to an {@link AttemptListener}.
 *
 * <p>Rules: an explicit {@code x-should-retry} wins over the category's default; a Retry-After
 * longer than {@link ResiliencePolicy#maxRetryAfter()} or past the total budget ends the retries;
 * a stream that already delivered text is never retried or replaced (the caller has seen it);
 * the fallback is tried after any failure of the primary except cancellation.
 */
public final class ResilientLlm {

    private final Function<String, Optional<LlmProvider>> providers;
    private final ResiliencePolicy policy;
    private final CircuitBreakers breakers;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Jitter jitter;

    /**
     * @param providers active providers by id, e.g. {@code registry::provider}
     * @param policy    attempts, backoff, timeouts
     * @param breakers  circuit breakers, shared by every caller of the same providers
     * @param clock     time for budgets and timestamps
     * @param sleeper   waits between retries
     * @param jitter    picks each backoff within its cap
     */
    public ResilientLlm(Function<String, Optional<LlmProvider>> providers, ResiliencePolicy policy,
                        CircuitBreakers breakers, Clock clock, Sleeper sleeper, Jitter jitter) {
        this.providers = providers;
        this.policy = policy;
        this.breakers = breakers;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    /** Production wiring: system clock, real sleeps, full jitter, breakers from the policy. */
    public static ResilientLlm create(Function<String, Optional<LlmProvider>> providers, ResiliencePolicy policy) {
        Clock clock = Clock.systemUTC();
        return new ResilientLlm(providers, policy, new CircuitBreakers(policy.circuit(), clock), clock, Sleeper.REAL,
                Jitter.FULL);
    }

    /** The breakers in use (for health reporting). */
    public CircuitBreakers breakers() {
        return breakers;
    }

    /**
     * Runs a chat completion along a route; the request's model is replaced by each target's.
     *
     * @throws CallFailedException when no attempt succeeded
     */
    public CallResult complete(Route route, ChatRequest request, AttemptListener listener) {
        return run(route, request, null, listener);
    }

    /**
     * Streams a chat completion along a route, handing text to {@code onChunk} as it arrives.
     *
     * @throws CallFailedException when no attempt succeeded
     */
    public CallResult stream(Route route, ChatRequest request, Consumer<ChatChunk> onChunk, AttemptListener listener) {
        return run(route, request, onChunk, listener);
    }

    private CallResult run(Route route, ChatRequest request, Consumer<ChatChunk> onChunk, AttemptListener listener) {
        Instant deadline = clock.instant().plus(policy.totalBudget());
        Call call = new Call(request, onChunk, listener, deadline);
        ProviderException last = tryModel(call, route.primary(), false);
        if (last == null) {
            return call.result();
        }
        ModelRef fallback = route.fallback();
        if (fallback != null && last.category() != ErrorCategory.CANCELLED && !call.deliveredText()) {
            ProviderException fromFallback = tryModel(call, fallback, true);
            if (fromFallback == null) {
                return call.result();
            }
            last = fromFallback;
        }
        throw new CallFailedException(last, call.attempts);
    }

    /** Tries one model with retries; returns {@code null} on success, else the last failure. */
    private ProviderException tryModel(Call call, ModelRef target, boolean fallback) {
        Optional<LlmProvider> provider = providers.apply(target.provider());
        if (provider.isEmpty()) {
            ProviderException missing = new ProviderException(ErrorCategory.INVALID_REQUEST,
                    "no active provider '" + target.provider() + "'");
            call.report(target, fallback, clock.instant(), Duration.ZERO, false, null, missing, null);
            return missing;
        }
        CircuitBreaker breaker = breakers.of(target);
        ProviderException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Instant started = clock.instant();
            Duration remaining = Duration.between(started, call.deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return last != null ? last : new ProviderException(ErrorCategory.TIMEOUT, "call budget spent before "
                        + target + " could be tried");
            }
            if (!breaker.tryAcquire()) {
                ProviderException open = new ProviderException(ErrorCategory.OVERLOADED, 0, "circuit open for " + target
                        + " until " + breaker.openUntil(), null, RateLimitSnapshot.NONE, Boolean.FALSE, null);
                call.report(target, fallback, started, Duration.ZERO, false, null, open, null);
                return open;
            }
            Duration timeout = min(min(call.request.timeout(), policy.attemptTimeout()), remaining);
            ChatRequest attemptRequest = new ChatRequest(target.model(), call.request.messages(),
                    call.request.temperature(), call.request.maxTokens(), call.request.parameters(), timeout);
            try {
                ChatResponse response = invoke(provider.get(), attemptRequest, call, timeout);
                breaker.onSuccess();
                call.report(target, fallback, started, Duration.between(started, clock.instant()), true, response, null,
                        null);
                call.servedBy = target;
                call.response = response;
                return null;
            } catch (ProviderException e) {
                if (countsAgainstHealth(e.category())) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
                last = e;
                Duration delay = attempt < policy.maxAttempts() ? retryDelay(e, attempt, call) : null;
                call.report(target, fallback, started, Duration.between(started, clock.instant()), true, null, e, delay);
                if (delay == null) {
                    return e;
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new ProviderException(ErrorCategory.CANCELLED, "interrupted while waiting to retry");
                }
            }
        }
        return last;
    }

    /** The wait before retrying, or {@code null} when this failure must not be retried. */
    private Duration retryDelay(ProviderException e, int attempt, Call call) {
        if (e.category() == ErrorCategory.CANCELLED || call.deliveredText()) {
            return null;
        }
        boolean retry = e.shouldRetry().orElse(e.category().retryable());
        if (!retry) {
            return null;
        }
        Duration retryAfter = e.retryAfter();
        if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            return null;
        }
        long capMillis = policy.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        capMillis = Math.min(capMillis, policy.maxBackoff().toMillis());
        Duration delay = Duration.ofMillis(jitter.pick(capMillis));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        Instant wakeUp = clock.instant().plus(delay);
        return wakeUp.isBefore(call.deadline) ? delay : null;
    }

    /** Whether a failure says the provider is unhealthy (as opposed to the request being wrong). */
    private static boolean countsAgainstHealth(ErrorCategory category) {
        return switch (category) {
            case RATE_LIMIT, TIMEOUT, OVERLOADED, SERVER_ERROR, NETWORK -> true;
            default -> false;
        };
    }

    /** Runs one attempt on its own virtual thread so a provider that ignores its timeout cannot hold the caller. */
    private static ChatResponse invoke(LlmProvider provider, ChatRequest request, Call call, Duration timeout) {
        AtomicBoolean open = new AtomicBoolean(true);
        FutureTask<ChatResponse> task = new FutureTask<>(() -> {
            if (call.onChunk == null) {
                return provider.complete(request);
            }
            return provider.stream(request, chunk -> {
                if (open.get()) {
                    call.chunks.incrementAndGet();
                    call.onChunk.accept(chunk);
                }
            });
        });
        Thread.ofVirtual().name("llm-call-" + request.model()).start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            open.set(false);
            task.cancel(true);
            throw new ProviderException(ErrorCategory.TIMEOUT, 0, "no answer within " + timeout.toMillis() + " ms",
                    null, RateLimitSnapshot.NONE, null, null);
        } catch (InterruptedException e) {
            open.set(false);
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorCategory.CANCELLED, "the caller was interrupted");
        } catch (ExecutionException e) {
            open.set(false);
            if (e.getCause() instanceof ProviderException pe) {
                throw pe;
            }
            Throwable cause = e.getCause();
            throw new ProviderException(ErrorCategory.UNKNOWN, 0, "provider failed: " + cause, null,
                    RateLimitSnapshot.NONE, null, cause);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The state of one call across its attempts. */
    private static final class Call {
        final ChatRequest request;
        final Consumer<ChatChunk> onChunk;
        final AttemptListener listener;
        final Instant deadline;
        final List<Attempt> attempts = new ArrayList<>();
        final AtomicInteger chunks = new AtomicInteger();
        ModelRef servedBy;
        ChatResponse response;

        Call(ChatRequest request, Consumer<ChatChunk> onChunk, AttemptListener listener, Instant deadline) {
            this.request = request;
            this.onChunk = onChunk;
            this.listener = listener;
            this.deadline = deadline;
        }

        boolean deliveredText() {
            return chunks.get() > 0;
        }

        void report(ModelRef target, boolean fallback, Instant started, Duration latency, boolean sent,
                    ChatResponse response, ProviderException error, Duration nextDelay) {
            Attempt attempt = new Attempt(target, attempts.size() + 1, fallback, started, latency, sent, response,
                    error == null ? null : error.category(), error == null ? 0 : error.httpStatus(),
                    error == null ? null : error.getMessage(),
                    response != null ? response.rateLimits() : error.rateLimits(),
                    error == null ? null : error.retryAfter(), nextDelay);
            attempts.add(attempt);
            try {
                listener.onAttempt(attempt);
            } catch (RuntimeException ignored) {
                // a failing listener must not change the outcome of the call
            }
        }

        CallResult result() {
            return new CallResult(response, servedBy, attempts);
        }
    }
}
