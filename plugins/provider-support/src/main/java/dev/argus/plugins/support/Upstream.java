package dev.argus.plugins.support;

import dev.argus.api.ErrorCategory;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One provider's way to its upstream: sends requests with the host's HTTP client and turns every
 * failure into a classified {@link ProviderException} carrying the HTTP status, retry advice and
 * rate-limit headroom. Messages never contain the API key: the upstream's text is redacted before
 * it is used.
 */
public final class Upstream {

    /** Classifies an error answer from its status and body. */
    @FunctionalInterface
    public interface Classifier {
        /** The category of an answer with this status and body. */
        ErrorCategory classify(int httpStatus, String body);

        /**
         * Retry advice the body carries when the headers give none (e.g. OpenAI's
         * {@code insufficient_quota} 429, which no retry will fix), or {@code null}.
         */
        default Boolean shouldRetry(int httpStatus, String body) {
            return null;
        }
    }

    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_MESSAGE = 1000;

    private final String name;
    private final HttpClient http;
    private final Clock clock;
    private final String secret;
    private final Classifier classifier;
    private final Function<ResponseHeaders, RateLimitSnapshot> rateLimits;

    /**
     * @param name       the provider's name, used in messages
     * @param http       the host's HTTP client
     * @param clock      the host's clock (retry dates, rate-limit resets)
     * @param secret     the API key to redact from messages, or {@code null}
     * @param classifier the provider's error classification
     * @param rateLimits the provider's rate-limit header reading
     */
    public Upstream(String name, HttpClient http, Clock clock, String secret, Classifier classifier,
                    Function<ResponseHeaders, RateLimitSnapshot> rateLimits) {
        this.name = name;
        this.http = http;
        this.clock = clock;
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.classifier = classifier;
        this.rateLimits = rateLimits;
    }

    /** The clock in use. */
    public Clock clock() {
        return clock;
    }

    /** Rate-limit headroom from a response's headers. */
    public RateLimitSnapshot rateLimits(Map<String, List<String>> headers) {
        return rateLimits.apply(ResponseHeaders.of(headers));
    }

    /**
     * Sends a request and returns the whole 2xx body.
     *
     * @throws ProviderException for any other status or a failed connection
     */
    public HttpResponse<String> exchange(HttpRequest request) {
        HttpResponse<InputStream> response = open(request);
        try (InputStream body = response.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new StringResponse(response, text);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * Sends a request and returns the 2xx response with its body still streaming; the caller closes it.
     *
     * @throws ProviderException for any other status or a failed connection
     */
    public HttpResponse<InputStream> open(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ErrorCategory.CANCELLED, name + " call interrupted");
        }
        if (response.statusCode() / 100 == 2) {
            return response;
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        throw failure(response.statusCode(), response.headers().map(), body);
    }

    /** The exception for a non-2xx answer. */
    public ProviderException failure(int status, Map<String, List<String>> headers, String body) {
        ResponseHeaders h = ResponseHeaders.of(headers);
        RateLimitSnapshot limits = rateLimits.apply(h);
        Duration retryAfter = h.retryAfter(clock);
        ErrorCategory category = classifier.classify(status, body);
        Boolean shouldRetry = h.shouldRetry();
        if (shouldRetry == null) {
            shouldRetry = classifier.shouldRetry(status, body);
        }
        return new ProviderException(category, status, message(status, body), retryAfter, limits, shouldRetry, null);
    }

    /**
     * The exception for an error reported inside a stream that began with HTTP 200 (an SSE
     * {@code error} event or an NDJSON {@code {"error": …}} line).
     */
    public ProviderException streamFailure(String body) {
        ErrorCategory category = classifier.classify(200, body);
        if (category == ErrorCategory.UNKNOWN || category == ErrorCategory.INVALID_REQUEST) {
            // the request was accepted, so a mid-stream failure is the upstream's
            category = ErrorCategory.SERVER_ERROR;
        }
        return new ProviderException(category, 200, name + " stream failed: " + upstreamMessage(body), null,
                RateLimitSnapshot.NONE, null, null);
    }

    /** The exception for a connection that failed before or during an answer. */
    public ProviderException ioFailure(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new ProviderException(ErrorCategory.TIMEOUT, 0, name + " did not answer in time", null,
                    RateLimitSnapshot.NONE, null, null);
        }
        if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()
                || e.getCause() instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ProviderException(ErrorCategory.CANCELLED, 0, name + " call interrupted", null,
                    RateLimitSnapshot.NONE, null, null);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : redact(e.getMessage());
        return new ProviderException(ErrorCategory.NETWORK, 0, name + " unreachable: " + detail, null,
                RateLimitSnapshot.NONE, null, null);
    }

    /** The exception for a 2xx answer this plugin cannot read. */
    public ProviderException unreadable(String what, RuntimeException cause) {
        return new ProviderException(ErrorCategory.SERVER_ERROR, 200,
                name + " sent an unreadable " + what + ": " + redact(String.valueOf(cause.getMessage())), null,
                RateLimitSnapshot.NONE, null, null);
    }

    /** Removes the API key from text that came from the upstream. */
    public String redact(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, "[redacted]");
    }

    private String message(int status, String body) {
        return name + " answered HTTP " + status + ": " + upstreamMessage(body);
    }

    private String upstreamMessage(String body) {
        String message;
        try {
            JsonValue json = Json.read(body);
            JsonValue error = json.get("error");
            message = error.get("message").asText();
            if (message == null) {
                message = error.asText();
            }
            if (message == null) {
                message = json.get("message").asText();
            }
        } catch (IllegalArgumentException notJson) {
            message = null;
        }
        if (message == null) {
            message = body == null || body.isBlank() ? "(empty body)" : body.strip();
        }
        message = redact(message);
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    /** A response whose body was read into a string. */
    private record StringResponse(HttpResponse<InputStream> delegate, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return delegate.statusCode();
        }

        @Override
        public HttpRequest request() {
            return delegate.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return delegate.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return delegate.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return delegate.uri();
        }

        @Override
        public HttpClient.Version version() {
            return delegate.version();
        }
    }
}
