package dev.argus.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.argus.plugins.testkit.WireSamples;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for one LLM provider's API, answering by method and path with
 * the recorded wire samples (copies of the shared {@code wire/} folder): chat answers whole or
 * streamed (as the request's {@code stream} asks, with the provider's default), model lists, and the
 * provider's rate-limit headers. It records what it received, so a test can see what the proxy sent.
 */
public final class FakeProviderUpstream implements AutoCloseable {

    /** One received request: method, path with query, headers (names lower-case), body. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private record Answer(int status, String contentType, Map<String, String> headers, List<String> pieces) {
    }

    private interface Provider {
        Answer answer(String method, String path, JsonNode body) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Provider provider;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private FakeProviderUpstream(Provider provider) {
        this.provider = provider;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** OpenAI: {@code POST /v1/chat/completions} (JSON, or SSE with {@code "stream":true}), {@code GET /v1/models}. */
    public static FakeProviderUpstream openAi() throws IOException {
        JsonNode chat = json("openai_chat_completions.json").get("response");
        Map<String, String> rateLimits = new LinkedHashMap<>();
        json("openai_errors_and_ratelimits.json").path("rate_limit_headers").path("documented_sample")
                .fields().forEachRemaining(h -> rateLimits.put(h.getKey(), h.getValue().asText()));
        rateLimits.put("x-request-id", "req_7f3c2a9e1b5d4c8f");
        // the list shape of the OpenAI API reference (GET /v1/models); the wire folder records chat traffic only
        String models = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-3.5-turbo-0125\",\"object\":\"model\","
                + "\"created\":1706048358,\"owned_by\":\"system\"},{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
                + "\"created\":1721172741,\"owned_by\":\"system\"}]}";
        return new FakeProviderUpstream((method, path, body) -> {
            if (method.equals("POST") && path.equals("/v1/chat/completions")) {
                return body.path("stream").asBoolean(false)
                        ? new Answer(200, "text/event-stream", rateLimits,
                                WireSamples.streamPieces("openai_chat_stream_include_usage.txt"))
                        : new Answer(200, "application/json", rateLimits, List.of(JSON.writeValueAsString(chat)));
            }
            if (method.equals("GET") && path.equals("/v1/models")) {
                return new Answer(200, "application/json", rateLimits, List.of(models));
            }
            return new Answer(404, "application/json", Map.of(), List.of("{\"error\":{\"message\":\"Unknown request URL: "
                    + method + " " + path + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"unknown_url\"}}"));
        });
    }

    /** Anthropic: {@code POST /v1/messages} (JSON, or SSE with {@code "stream":true}), {@code GET /v1/models}. */
    public static FakeProviderUpstream anthropic() throws IOException {
        JsonNode message = json("anthropic_messages.json").get("response");
        Map<String, String> rateLimits = new LinkedHashMap<>();
        json("anthropic_errors_and_ratelimits.json").path("rate_limit_headers").path("recorded")
                .fields().forEachRemaining(h -> rateLimits.put(h.getKey(), h.getValue().asText()));
        // the list shape of the Anthropic API reference (GET /v1/models)
        String models = "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":"
                + "\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
                + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-sonnet-4-5-20250929\"}";
        return new FakeProviderUpstream((method, path, body) -> {
            if (method.equals("POST") && path.equals("/v1/messages")) {
                return body.path("stream").asBoolean(false)
                        ? new Answer(200, "text/event-stream; charset=utf-8", rateLimits,
                                WireSamples.streamPieces("anthropic_stream.txt"))
                        : new Answer(200, "application/json", rateLimits, List.of(JSON.writeValueAsString(message)));
            }
            if (method.equals("GET") && path.equals("/v1/models")) {
                return new Answer(200, "application/json", rateLimits, List.of(models));
            }
            return new Answer(404, "application/json", Map.of(), List.of("{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"not_found_error\",\"message\":\"Not found\"},\"request_id\":null}"));
        });
    }

    /** Ollama: {@code POST /api/chat} (NDJSON unless {@code "stream":false}), {@code GET /api/tags}. */
    public static FakeProviderUpstream ollama() throws IOException {
        JsonNode chat = json("ollama.json").get("api_chat");
        List<String> stream = WireSamples.ndjson(List.of(JSON.writeValueAsString(chat.get("stream_chunk")),
                JSON.writeValueAsString(chat.get("stream_final"))));
        // the list shape of Ollama's API documentation (GET /api/tags)
        String tags = "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"modified_at\":"
                + "\"2025-10-17T23:14:07.414671Z\",\"size\":2019393189,\"digest\":"
                + "\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\",\"details\":{\"parent_model\":\"\","
                + "\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],\"parameter_size\":\"3.2B\","
                + "\"quantization_level\":\"Q4_K_M\"}}]}";
        return new FakeProviderUpstream((method, path, body) -> {
            if (method.equals("POST") && path.equals("/api/chat")) {
                return body.path("stream").asBoolean(true)
                        ? new Answer(200, "application/x-ndjson", Map.of(), stream)
                        : new Answer(200, "application/json; charset=utf-8", Map.of(),
                                List.of(JSON.writeValueAsString(chat.get("non_stream_response"))));
            }
            if (method.equals("GET") && path.equals("/api/tags")) {
                return new Answer(200, "application/json; charset=utf-8", Map.of(), List.of(tags));
            }
            return new Answer(404, "text/plain", Map.of(), List.of("404 page not found"));
        });
    }

    private static JsonNode json(String file) throws IOException {
        return JSON.readTree(WireSamples.text(file));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            received.add(new Received(method, exchange.getRequestURI().toString(), headers, body));
            JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            Answer answer = provider.answer(method, exchange.getRequestURI().getPath(), json);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean streamed = answer.pieces().size() > 1;
            byte[] whole = String.join("", answer.pieces()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), streamed ? 0 : whole.length);
            OutputStream out = exchange.getResponseBody();
            if (!streamed) {
                out.write(whole);
                return;
            }
            for (String piece : answer.pieces()) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
