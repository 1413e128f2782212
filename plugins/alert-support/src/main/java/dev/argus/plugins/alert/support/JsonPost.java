package dev.argus.plugins.alert.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs a JSON body once, with a deadline for the whole exchange and a cap on how much of the answer
 * is read, and turns every way it can fail into a {@link DeliveryFailure} with a safe message. It
 * never retries: the host owns retries.
 */
public final class JsonPost {

    /** How much of a receiver's answer is kept. */
    public static final int BODY_LIMIT = 4096;

    private JsonPost() {
    }

    /**
     * Sends the body.
     *
     * @param client  the host's shared client
     * @param target  the receiver
     * @param json    the body, sent as UTF-8 {@code application/json}
     * @param headers extra request headers
     * @param timeout the deadline for connecting, sending and reading the answer
     * @return the receiver's status and the start of its body
     * @throws DeliveryFailure when no HTTP answer arrived in time
     */
    public static PostedAnswer send(HttpClient client, URI target, String json, Map<String, String> headers,
                                    Duration timeout) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Argus-Alerts")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        String receiver = receiverName(target);
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), info -> new BoundedBody(BODY_LIMIT));
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new PostedAnswer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryFailure("no answer from " + receiver + " within " + describe(timeout));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending to " + receiver);
        } catch (ExecutionException e) {
            throw new DeliveryFailure(describe(e.getCause(), receiver, timeout));
        }
    }

    private static String describe(Throwable cause, String receiver, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect to " + receiver + ": connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + receiver + " within " + describe(timeout);
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + receiver + ": connection refused or unreachable";
        }
        if (cause instanceof SSLException) {
            return "TLS with " + receiver + " failed: " + messageOf(cause);
        }
        if (cause instanceof IOException) {
            return "network error talking to " + receiver + ": " + messageOf(cause);
        }
        return "could not send to " + receiver + ": " + messageOf(cause);
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code host:port}; the path is left out because it may carry a token. */
    public static String receiverName(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }

    /** Collects at most {@code limit} bytes of the body, then cancels the rest of the stream. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {

        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                item.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
