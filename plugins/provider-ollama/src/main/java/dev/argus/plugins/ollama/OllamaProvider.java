package dev.argus.plugins.ollama;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.ErrorCategory;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatChunk;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.ErrorClassification;
import dev.argus.api.provider.LlmProvider;
import dev.argus.api.provider.ModelInfo;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;
import dev.argus.plugins.support.EventStream;
import dev.argus.plugins.support.Json;
import dev.argus.plugins.support.JsonValue;
import dev.argus.plugins.support.ResponseHeaders;
import dev.argus.plugins.support.StreamTimer;
import dev.argus.plugins.support.Upstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * An Ollama server's native chat API ({@code POST /api/chat}). Streams are newline-delimited JSON;
 * token counts ({@code prompt_eval_count}, {@code eval_count}) arrive only on the final
 * {@code done: true} object, and Ollama omits them when zero. Ollama has no prompt cache to bill
 * and reports no reasoning split, so those counts are zero.
 */
@Extension
public final class OllamaProvider implements LlmProvider {

    static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    private volatile Settings settings = Settings.from(PluginConfig.EMPTY);
    private volatile Upstream upstream;

    @Override
    public String id() {
        return "ollama";
    }

    @Override
    public String displayName() {
        return "Ollama";
    }

    @Override
    public String description() {
        return "A local or remote Ollama server: chat, NDJSON streaming, installed models and token counts. "
                + "No key needed for a local server.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("base_url", Type.URL, DEFAULT_BASE_URL, "The Ollama server."),
                new ConfigField("api_key", Type.STRING, false, true, null,
                        "Bearer token for an Ollama server behind an authenticating proxy or Ollama's cloud.",
                        List.of()),
                ConfigField.optional("keep_alive", Type.STRING, null,
                        "How long the server keeps the model loaded after a call, e.g. 5m or -1."),
                ConfigField.optional("timeout", Type.DURATION, "120s",
                        "Longest wait for a whole answer (local models may need to load first)."));
    }

    @Override
    public void init(PluginContext context) {
        Settings s = Settings.from(context.config());
        upstream = new Upstream("ollama", context.httpClient(), context.clock(), s.apiKey(), new ErrorReader(),
                headers -> rateLimits(headers, context.clock()));
        settings = s;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        Settings s = settings;
        HttpResponse<String> response = upstream().exchange(post(s, request, false));
        try {
            JsonValue body = Json.read(response.body());
            return new ChatResponse(body.get("model").asText(request.model()),
                    body.get("message").get("content").asText(""), body.get("done_reason").asText(),
                    usage(body), upstream.rateLimits(response.headers().map()), null, null);
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("chat answer", e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        Settings s = settings;
        StreamTimer timer = new StreamTimer("ollama", timeout(s, request));
        HttpResponse<InputStream> response = upstream().open(post(s, request, true));
        StringBuilder content = new StringBuilder();
        String model = request.model();
        String doneReason = null;
        Usage usage = Usage.ZERO;
        int index = 0;
        try (EventStream lines = new EventStream(response.body())) {
            String line;
            while ((line = lines.nextLine()) != null) {
                timer.check();
                JsonValue chunk = Json.read(line);
                if (!chunk.get("error").isMissing()) {
                    throw upstream.streamFailure(line);
                }
                model = chunk.get("model").asText(model);
                String text = chunk.get("message").get("content").asText("");
                if (!text.isEmpty()) {
                    timer.text(text);
                    content.append(text);
                    onChunk.accept(new ChatChunk(text, index++));
                }
                if (chunk.get("done").asBoolean(false)) {
                    doneReason = chunk.get("done_reason").asText();
                    usage = usage(chunk);
                    break;
                }
            }
        } catch (IOException e) {
            throw upstream.ioFailure(e);
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("stream line", e);
        }
        return new ChatResponse(model, content.toString(), doneReason, usage,
                upstream.rateLimits(response.headers().map()), timer.timeToFirstToken(), null);
    }

    @Override
    public List<ModelInfo> listModels() {
        Settings s = settings;
        HttpRequest request = authorised(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/tags")))
                .timeout(s.timeout()).GET().build();
        HttpResponse<String> response = upstream().exchange(request);
        try {
            List<ModelInfo> models = new ArrayList<>();
            for (JsonValue model : Json.read(response.body()).get("models").items()) {
                String name = model.get("name").asText(model.get("model").asText());
                if (name != null) {
                    models.add(new ModelInfo(name, null));
                }
            }
            return models;
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("model list", e);
        }
    }

    @Override
    public RateLimitSnapshot parseRateLimits(Map<String, List<String>> headers) {
        return rateLimits(ResponseHeaders.of(headers), upstream == null ? Clock.systemUTC() : upstream.clock());
    }

    @Override
    public ErrorCategory classifyError(int httpStatus, String body) {
        return new ErrorReader().classify(httpStatus, body);
    }

    /** Token counts from a final ({@code done: true}) object; absent counts are zero. */
    static Usage usage(JsonValue body) {
        return Usage.of(body.get("prompt_eval_count").asLong(0), body.get("eval_count").asLong(0));
    }

    /** Ollama sends no rate-limit headers of its own; a proxy in front of it may send Retry-After. */
    static RateLimitSnapshot rateLimits(ResponseHeaders h, Clock clock) {
        return new RateLimitSnapshot(null, null, null, null, null, null, h.retryAfter(clock));
    }

    private HttpRequest post(Settings s, ChatRequest request, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            messages.add(Map.of("role", m.role(), "content", m.content()));
        }
        body.put("messages", messages);
        body.put("stream", stream);
        Map<String, Object> options = new LinkedHashMap<>();
        if (request.temperature() != null) {
            options.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            options.put("num_predict", request.maxTokens());
        }
        Map<String, Object> parameters = new LinkedHashMap<>(request.parameters());
        if (parameters.remove("options") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> options.put(String.valueOf(k), v));
        }
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        if (s.keepAlive() != null) {
            body.put("keep_alive", s.keepAlive());
        }
        body.putAll(parameters);
        body.put("stream", stream);
        return authorised(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/chat")))
                .timeout(timeout(s, request))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
    }

    private static HttpRequest.Builder authorised(Settings s, HttpRequest.Builder builder) {
        if (s.apiKey() != null) {
            builder.header("Authorization", "Bearer " + s.apiKey());
        }
        return builder;
    }

    private static Duration timeout(Settings s, ChatRequest request) {
        return request.timeout().compareTo(s.timeout()) < 0 ? request.timeout() : s.timeout();
    }

    private Upstream upstream() {
        Upstream u = upstream;
        if (u == null) {
            throw new ProviderException(ErrorCategory.INVALID_REQUEST, "the ollama provider was not initialised");
        }
        return u;
    }

    /** Ollama's error body: {@code {"error": "message"}}. */
    static final class ErrorReader implements Upstream.Classifier {
        @Override
        public ErrorCategory classify(int status, String body) {
            String message;
            try {
                message = Json.read(body).get("error").asText("");
            } catch (IllegalArgumentException notJson) {
                message = body == null ? "" : body;
            }
            message = message.toLowerCase(Locale.ROOT);
            if (message.contains("context") && (message.contains("length") || message.contains("window")
                    || message.contains("exceed"))) {
                return ErrorCategory.CONTEXT_LENGTH;
            }
            if (status == 401 || status == 403 || message.contains("unauthorized")) {
                return ErrorCategory.AUTH;
            }
            return ErrorClassification.byStatus(status);
        }
    }

    private record Settings(String baseUrl, String apiKey, String keepAlive, Duration timeout) {
        static Settings from(PluginConfig config) {
            String base = config.getString("base_url", DEFAULT_BASE_URL);
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return new Settings(base, config.getString("api_key", null), config.getString("keep_alive", null),
                    config.getDuration("timeout", Duration.ofSeconds(120)));
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", api_key=" + (apiKey == null ? "none" : "***") + "]";
        }
    }
}
