package dev.argus.plugins.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback standing in for an LLM provider: it answers each request with the
 * next scripted {@link Reply}, writing streamed bodies piece by piece with a flush after each, and
 * records what it received. Stands in only for upstream APIs, never for Argus code.
 */
public final class WireServer implements AutoCloseable {

    /**
     * One recorded request.
     *
     * @param method  the HTTP method
     * @param path    the path and query
     * @param headers the request headers, names lower-case
     * @param body    the request body
     */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    /**
     * A scripted answer.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param pieces  the body, sent piece by piece with a flush after each
     * @param gate    when not null, the server waits (at most 10 s) for this latch after sending
     *                piece {@code gateAfter}, so a test can prove the client saw that piece before the
     *                rest existed
     * @param gateAfter the index of the piece after which the server waits
     */
    public record Reply(int status, Map<String, String> headers, List<String> pieces, CountDownLatch gate,
                        int gateAfter) {

        /** A JSON answer. */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), List.of(body), null, -1);
        }

        /** A streamed answer. */
        public static Reply stream(String contentType, List<String> pieces) {
            return new Reply(200, Map.of("Content-Type", contentType), List.copyOf(pieces), null, -1);
        }

        /** The same reply with one more header. */
        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, pieces, gate, gateAfter);
        }

        /** The same reply with more headers. */
        public Reply headers(Map<String, String> more) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.putAll(more);
            return new Reply(status, h, pieces, gate, gateAfter);
        }

        /** The same reply, pausing after piece {@code index} until {@code latch} opens. */
        public Reply pauseAfter(int index, CountDownLatch latch) {
            return new Reply(status, headers, pieces, latch, index);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean gateOpenedInTime = true;
    private volatile CountDownLatch hang;

    private WireServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static WireServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WireServer wire = new WireServer(server);
            server.createContext("/", wire::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return wire;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies, answered in order. */
    public WireServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Makes every following request hang (no answer) until the server closes. */
    public WireServer hangRequests() {
        hang = new CountDownLatch(1);
        return this;
    }

    /** Requests received so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Whether every paused stream was released by the client before the server gave up waiting. */
    public boolean gatesOpenedInTime() {
        return gateOpenedInTime;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            CountDownLatch hanging = hang;
            if (hanging != null) {
                awaitQuietly(hanging, 60);
                return;
            }
            Reply reply = script.pollFirst();
            if (reply == null) {
                reply = Reply.json(500, "{\"error\":{\"message\":\"no scripted reply left\",\"type\":\"test\"}}");
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean streamed = reply.pieces().size() > 1;
            byte[] whole = streamed ? null : String.join("", reply.pieces()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), streamed ? 0 : (whole.length == 0 ? -1 : whole.length));
            OutputStream out = exchange.getResponseBody();
            if (!streamed) {
                if (whole.length > 0) {
                    out.write(whole);
                }
                return;
            }
            for (int i = 0; i < reply.pieces().size(); i++) {
                out.write(reply.pieces().get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (i == reply.gateAfter() && reply.gate() != null && !awaitQuietly(reply.gate(), 10)) {
                    gateOpenedInTime = false;
                }
            }
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A loopback URL on which nothing listens (connections are refused). */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        CountDownLatch hanging = hang;
        if (hanging != null) {
            hanging.countDown();
        }
        server.stop(0);
    }
}
