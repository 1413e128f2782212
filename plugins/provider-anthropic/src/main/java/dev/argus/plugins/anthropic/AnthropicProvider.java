package dev.argus.plugins.anthropic;

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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Anthropic's Messages API ({@code POST /v1/messages}). System messages are sent as the top-level
 * {@code system} text, as the API requires. Anthropic reports cache reads and writes beside
 * {@code input_tokens} (not inside it), which is already Argus's convention.
 */
@Extension
public final class AnthropicProvider implements LlmProvider {

    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String DEFAULT_VERSION = "2023-06-01";
    private static final int MAX_MODEL_PAGES = 20;

    private volatile Settings settings;
    private volatile Upstream upstream;

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public String displayName() {
        return "Anthropic";
    }

    @Override
    public String description() {
        return "Anthropic Messages API: chat, streaming, model list, prompt-cache tokens, "
                + "anthropic-ratelimit headers. Needs an API key.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.secret("api_key", "API key, sent as the x-api-key header."),
                ConfigField.optional("base_url", Type.URL, DEFAULT_BASE_URL,
                        "API root without the version path (requests go to <base_url>/v1/messages)."),
                ConfigField.optional("anthropic_version", Type.STRING, DEFAULT_VERSION,
                        "Sent as the anthropic-version header."),
                ConfigField.optional("beta", Type.STRING, null,
                        "Comma-separated beta features, sent as the anthropic-beta header."),
                ConfigField.optional("max_tokens", Type.INTEGER, "1024",
                        "Output limit used when a request sets none (the API requires one)."),
                ConfigField.optional("timeout", Type.DURATION, "60s",
                        "Longest wait for a whole answer; a request's own shorter timeout wins."));
    }

    @Override
    public void init(PluginContext context) {
        Settings s = Settings.from(context.config());
        upstream = new Upstream("anthropic", context.httpClient(), context.clock(), s.apiKey(), new ErrorReader(),
                headers -> rateLimits(headers, context.clock()));
        settings = s;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        Settings s = settings();
        HttpResponse<String> response = upstream.exchange(post(s, request, false));
        try {
            JsonValue body = Json.read(response.body());
            StringBuilder text = new StringBuilder();
            for (JsonValue block : body.get("content").items()) {
                if ("text".equals(block.get("type").asText())) {
                    text.append(block.get("text").asText(""));
                }
            }
            return new ChatResponse(body.get("model").asText(request.model()), text.toString(),
                    body.get("stop_reason").asText(), usage(body.get("usage"), Usage.ZERO),
                    upstream.rateLimits(response.headers().map()), null, requestId(response, body.get("id").asText()));
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("message", e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        Settings s = settings();
        StreamTimer timer = new StreamTimer("anthropic", timeout(s, request));
        HttpResponse<InputStream> response = upstream.open(post(s, request, true));
        StringBuilder content = new StringBuilder();
        String model = request.model();
        String id = null;
        String stopReason = null;
        Usage usage = Usage.ZERO;
        int index = 0;
        try (EventStream events = new EventStream(response.body())) {
            EventStream.Event event;
            while ((event = events.nextEvent()) != null) {
                timer.check();
                JsonValue data = Json.read(event.data());
                String type = data.get("type").asText(event.name());
                switch (type) {
                    case "message_start" -> {
                        JsonValue message = data.get("message");
                        model = message.get("model").asText(model);
                        id = message.get("id").asText(id);
                        usage = usage(message.get("usage"), usage);
                    }
                    case "content_block_delta" -> {
                        JsonValue delta = data.get("delta");
                        if ("text_delta".equals(delta.get("type").asText())) {
                            String text = delta.get("text").asText("");
                            if (!text.isEmpty()) {
                                timer.text(text);
                                content.append(text);
                                onChunk.accept(new ChatChunk(text, index++));
                            }
                        }
                    }
                    case "message_delta" -> {
                        stopReason = data.get("delta").get("stop_reason").asText(stopReason);
                        usage = usage(data.get("usage"), usage);
                    }
                    case "error" -> throw upstream.streamFailure(event.data());
                    default -> { } // ping, content_block_start/stop and future event types
                }
                if (type.equals("message_stop")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw upstream.ioFailure(e);
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("stream event", e);
        }
        return new ChatResponse(model, content.toString(), stopReason, usage,
                upstream.rateLimits(response.headers().map()), timer.timeToFirstToken(), requestId(response, id));
    }

    @Override
    public List<ModelInfo> listModels() {
        Settings s = settings();
        List<ModelInfo> models = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_MODEL_PAGES; page++) {
            String query = "?limit=1000" + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpRequest request = headers(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/v1/models" + query)))
                    .timeout(s.timeout()).GET().build();
            JsonValue body;
            try {
                body = Json.read(upstream.exchange(request).body());
            } catch (IllegalArgumentException e) {
                throw upstream.unreadable("model list", e);
            }
            for (JsonValue model : body.get("data").items()) {
                String id = model.get("id").asText();
                if (id != null) {
                    models.add(new ModelInfo(id, null));
                }
            }
            after = body.get("last_id").asText();
            if (!body.get("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        return models;
    }

    @Override
    public RateLimitSnapshot parseRateLimits(Map<String, List<String>> headers) {
        return upstream == null ? rateLimits(ResponseHeaders.of(headers), Clock.systemUTC())
                : upstream.rateLimits(headers);
    }

    @Override
    public ErrorCategory classifyError(int httpStatus, String body) {
        return new ErrorReader().classify(httpStatus, body);
    }

    /**
     * Maps Anthropic's usage. Streamed {@code message_delta} usage is cumulative and may omit the
     * input counts, so absent fields keep the value seen so far.
     */
    static Usage usage(JsonValue usage, Usage sofar) {
        if (!usage.isObject()) {
            return sofar;
        }
        return new Usage(
                usage.get("input_tokens").asLong(sofar.inputTokens()),
                usage.get("output_tokens").asLong(sofar.outputTokens()),
                usage.get("cache_read_input_tokens").asLong(sofar.cacheReadInputTokens()),
                usage.get("cache_creation_input_tokens").asLong(sofar.cacheWriteInputTokens()),
                0);
    }

    /**
     * {@code anthropic-ratelimit-*} headers with RFC 3339 resets. The combined {@code tokens-*}
     * window is reported; where only the per-direction windows are sent, the input one stands in.
     */
    static RateLimitSnapshot rateLimits(ResponseHeaders h, Clock clock) {
        String tokens = h.first("anthropic-ratelimit-tokens-limit") != null
                ? "anthropic-ratelimit-tokens-" : "anthropic-ratelimit-input-tokens-";
        return new RateLimitSnapshot(h.count("anthropic-ratelimit-requests-limit"),
                h.count("anthropic-ratelimit-requests-remaining"), h.instant("anthropic-ratelimit-requests-reset"),
                h.count(tokens + "limit"), h.count(tokens + "remaining"), h.instant(tokens + "reset"),
                h.retryAfter(clock));
    }

    private HttpRequest post(Settings s, ChatRequest request, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : s.maxTokens());
        StringBuilder system = new StringBuilder();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m.role().equals("system") || m.role().equals("developer")) {
                if (!system.isEmpty()) {
                    system.append("\n\n");
                }
                system.append(m.content());
            } else {
                messages.add(Map.of("role", m.role(), "content", m.content()));
            }
        }
        if (!system.isEmpty()) {
            body.put("system", system.toString());
        }
        body.put("messages", messages);
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        body.putAll(request.parameters());
        if (stream) {
            body.put("stream", true);
        }
        return headers(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/v1/messages")))
                .timeout(timeout(s, request))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
    }

    private static HttpRequest.Builder headers(Settings s, HttpRequest.Builder builder) {
        builder.header("x-api-key", s.apiKey()).header("anthropic-version", s.version());
        if (s.beta() != null) {
            builder.header("anthropic-beta", s.beta());
        }
        return builder;
    }

    private static Duration timeout(Settings s, ChatRequest request) {
        return request.timeout().compareTo(s.timeout()) < 0 ? request.timeout() : s.timeout();
    }

    private static String requestId(HttpResponse<?> response, String fallback) {
        String header = ResponseHeaders.of(response.headers().map()).first("request-id");
        return header != null ? header : fallback;
    }

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            throw new ProviderException(ErrorCategory.AUTH, "the anthropic provider is not configured (api_key missing)");
        }
        return s;
    }

    /** Anthropic's error body: {@code {"type": "error", "error": {"type", "message"}}}. */
    static final class ErrorReader implements Upstream.Classifier {
        @Override
        public ErrorCategory classify(int status, String body) {
            JsonValue error;
            try {
                error = Json.read(body).get("error");
            } catch (IllegalArgumentException notJson) {
                error = JsonValue.MISSING;
            }
            String message = error.get("message").asText("").toLowerCase(Locale.ROOT);
            return switch (error.get("type").asText("")) {
                case "invalid_request_error" -> message.contains("prompt is too long")
                        || message.contains("context window") || message.contains("context length")
                        ? ErrorCategory.CONTEXT_LENGTH : ErrorCategory.INVALID_REQUEST;
                case "authentication_error", "permission_error", "billing_error" -> ErrorCategory.AUTH;
                case "not_found_error", "request_too_large" -> ErrorCategory.INVALID_REQUEST;
                case "rate_limit_error" -> ErrorCategory.RATE_LIMIT;
                case "api_error" -> ErrorCategory.SERVER_ERROR;
                case "timeout_error" -> ErrorCategory.TIMEOUT;
                case "overloaded_error" -> ErrorCategory.OVERLOADED;
                default -> ErrorClassification.byStatus(status);
            };
        }
    }

    private record Settings(String apiKey, String baseUrl, String version, String beta, long maxTokens,
                            Duration timeout) {
        static Settings from(PluginConfig config) {
            String base = config.getString("base_url", DEFAULT_BASE_URL);
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return new Settings(config.getString("api_key", null), base,
                    config.getString("anthropic_version", DEFAULT_VERSION), config.getString("beta", null),
                    config.getLong("max_tokens", 1024), config.getDuration("timeout", Duration.ofSeconds(60)));
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", api_key=***]";
        }
    }
}
