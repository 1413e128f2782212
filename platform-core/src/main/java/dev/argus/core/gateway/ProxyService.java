package dev.argus.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ErrorCategory;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The provider proxy for one provider, mounted at e.g. {@code /proxy/openai/v1}: forwards the
 * request to the upstream with the client's own provider credentials, relays status, headers and
 * body unchanged (streams event by event, flushed as they arrive), and logs the call through the
 * {@link CallLog} after the client has its answer. Callers authenticate with an Argus API key of
 * scope {@code proxy} in {@code X-Argus-Key}.
 */
public final class ProxyService implements ApiService {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._~:@%+=,-]+)+/?");
    /** Request headers never sent upstream: hop-by-hop, ones the HTTP client sets itself, and Argus's own. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "te", "trailer", "transfer-encoding", "keep-alive", "proxy-authorization", "proxy-connection",
            "accept-encoding", "http2-settings");
    /** Response headers not relayed: hop-by-hop and framing, which the server sets for its own connection. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "trailer", "proxy-connection");

    private final WireFormat wire;
    private final String mountPath;
    private final String upstream;
    private final HttpClient client;
    private final CallLog log;

    /**
     * @param wire      the provider's wire format
     * @param mountPath where this is mounted, e.g. {@code /proxy/openai/v1}
     * @param upstream  the upstream URL the part after the mount path is appended to, e.g. {@code https://api.openai.com/v1}
     * @param client    the HTTP client to the upstream
     * @param log       where calls are logged
     */
    ProxyService(WireFormat wire, String mountPath, String upstream, HttpClient client, CallLog log) {
        this.wire = wire;
        this.mountPath = mountPath;
        this.upstream = upstream;
        this.client = client;
        this.log = log;
    }

    /** The three proxies, at {@code /proxy/openai/v1}, {@code /proxy/anthropic/v1} and {@code /proxy/ollama/api}. */
    public static Map<String, ProxyService> all(String openaiBase, String anthropicBase, String ollamaBase, CallLog log) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        return Map.of(
                "/proxy/openai/v1", new ProxyService(new OpenAiWire(), "/proxy/openai/v1", openaiBase + "/v1", client, log),
                "/proxy/anthropic/v1", new ProxyService(new AnthropicWire(), "/proxy/anthropic/v1", anthropicBase + "/v1", client, log),
                "/proxy/ollama/api", new ProxyService(new OllamaWire(), "/proxy/ollama/api", ollamaBase + "/api", client, log));
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/*", Access.key(ApiKeyScope.PROXY), this::forward);
        rules.get("/*", Access.key(ApiKeyScope.PROXY), this::forward);
    }

    private void forward(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String rawPath = req.path().absolute().rawPath();
        String rest = rawPath.length() > mountPath.length() ? rawPath.substring(mountPath.length()) : "";
        if (!SAFE_PATH.matcher(rest).matches() || rest.contains("/../") || rest.endsWith("/..") || rest.contains("/./")) {
            throw ApiException.badRequest("invalid_path", "path: '" + rest + "' is not an API path of the upstream (letters, digits, ._~:@%+=,- between slashes)");
        }
        CallLabels labels = CallLabels.from(req.headers());
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        CallRecorder call = new CallRecorder(wire.provider());
        JsonNode requestJson = parse(body);
        if (requestJson != null && requestJson.isObject()) {
            wire.request(requestJson, call);
        }
        String query = req.query().rawValue();
        URI target = URI.create(upstream + rest + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(target)
                .method(req.prologue().method().text(), body.length == 0 && req.prologue().method() == Method.GET
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean argusKeyHeader = req.headers().contains(HeaderNames.create("X-Argus-Key"));
        req.headers().forEach(header -> {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.startsWith("x-argus-") || name.startsWith(":")
                    // without X-Argus-Key the Authorization header carried the Argus key, not the provider's
                    || (!argusKeyHeader && name.equals("authorization"))) {
                return;
            }
            for (String value : header.allValues()) {
                out.header(header.name(), value);
            }
        });
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            call.error(ErrorCategory.NETWORK, "upstream unreachable: " + e, null);
            log.log(caller.projectId(), call.finish(labels, null));
            throw new ApiException(Status.BAD_GATEWAY_502, "upstream_unreachable",
                    "the " + wire.provider() + " upstream did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "shutting_down", "the server is shutting down");
        }
        int status = answer.statusCode();
        res.status(Status.create(status));
        Map<String, String> rateLimit = new TreeMap<>();
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(":") || NOT_RELAYED.contains(lower)) {
                return;
            }
            res.header(HeaderNames.create(name), values.toArray(String[]::new));
            if (lower.startsWith("x-ratelimit-") || lower.startsWith("anthropic-ratelimit-") || lower.startsWith("retry-after")
                    || lower.equals("request-id") || lower.equals("x-request-id") || lower.equals("x-should-retry")) {
                rateLimit.put(lower, String.join(",", values));
            }
        });
        String contentType = answer.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean streamed = contentType.contains("text/event-stream") || contentType.contains("ndjson");
        try {
            if (streamed) {
                relay(answer.body(), res, call, status);
            } else {
                whole(answer.body(), res, call, status);
            }
        } finally {
            // after the client has its answer, whatever happened to the connection
            log.log(caller.projectId(), call.finish(labels, rateLimit.isEmpty() ? null
                    : CallRecorder.json(Json.MAPPER.valueToTree(rateLimit))));
        }
    }

    private void whole(InputStream in, ServerResponse res, CallRecorder call, int status) {
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            call.error(ErrorCategory.NETWORK, "upstream broke off its answer: " + e, status);
            throw new ApiException(Status.BAD_GATEWAY_502, "upstream_broken", "the " + wire.provider() + " upstream broke off its answer");
        }
        JsonNode json = parse(bytes);
        if (status >= 400) {
            wire.error(status, json, call);
        } else if (json != null && json.isObject()) {
            wire.response(json, call);
        }
        try {
            res.send(bytes);
        } catch (RuntimeException e) {
            call.cancelled();
        }
    }

    /** Relays a stream line by line, flushing after each event (SSE) or line (NDJSON), reading usage as it passes. */
    private void relay(InputStream in, ServerResponse res, CallRecorder call, int status) {
        StreamEvents events = new StreamEvents(wire, call);
        OutputStream out = null;
        try (in) {
            out = res.outputStream();
            RawLines lines = new RawLines(in);
            byte[] line;
            while ((line = lines.next()) != null) {
                boolean eventEnds = events.line(line);
                try {
                    out.write(line);
                    if (eventEnds) {
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    call.cancelled(); // the client went away: stop reading, which closes the upstream stream too
                    return;
                }
            }
            events.end();
            try {
                out.close();
            } catch (RuntimeException e) {
                call.cancelled();
            }
        } catch (IOException e) {
            if (!call.failed()) {
                call.error(ErrorCategory.NETWORK, "upstream broke off its stream: " + e, status);
            }
            closeQuietly(out);
        } catch (RuntimeException e) {
            call.cancelled();
        }
        if (status >= 400 && !call.failed()) {
            call.error(ErrorClassifier.classify(status, null, null), "HTTP " + status, status);
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException | RuntimeException ignored) {
                // the client is gone; nothing left to tell it
            }
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reassembles events from raw lines and hands each one's JSON to the wire format. */
    private static final class StreamEvents {
        private final WireFormat wire;
        private final CallRecorder call;
        private String event;
        private StringBuilder data;

        StreamEvents(WireFormat wire, CallRecorder call) {
            this.wire = wire;
            this.call = call;
        }

        /** Reads one line; true when it ends an event (so the relay flushes). */
        boolean line(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8).stripTrailing();
            if (!wire.sse()) {
                if (!text.isBlank()) {
                    dispatch(null, text);
                }
                return true;
            }
            if (text.isEmpty()) {
                end();
                return true;
            }
            if (text.startsWith("event:")) {
                event = text.substring(6).strip();
            } else if (text.startsWith("data:")) {
                String value = text.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
            return false;
        }

        void end() {
            if (data != null) {
                dispatch(event, data.toString());
            }
            event = null;
            data = null;
        }

        private void dispatch(String name, String payload) {
            if (payload.startsWith("[DONE]")) {
                return;
            }
            try {
                JsonNode json = Json.MAPPER.readTree(payload);
                if (json != null && json.isObject()) {
                    wire.event(name, json, call);
                }
            } catch (IOException e) {
                // not JSON: relayed as is, nothing to read from it
            }
        }
    }
}
