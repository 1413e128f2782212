package dev.argus.plugins.openai;

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
import java.util.Map;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * OpenAI's Chat Completions API ({@code POST /chat/completions}), also usable with servers that
 * speak it (Azure OpenAI's v1 endpoint, vLLM, LiteLLM) through {@code base_url}.
 *
 * <p>Usage follows Argus's convention: OpenAI counts cached prompt tokens inside
 * {@code prompt_tokens}, so they are moved out of {@code inputTokens} into
 * {@code cacheReadInputTokens}; reasoning tokens stay inside {@code outputTokens} and are also
 * reported on their own.
 */
@Extension
public final class OpenAiProvider implements LlmProvider {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private volatile Settings settings;
    private volatile Upstream upstream;

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String displayName() {
        return "OpenAI";
    }

    @Override
    public String description() {
        return "OpenAI Chat Completions (and compatible servers): chat, streaming with usage, model list, "
                + "cached and reasoning tokens, x-ratelimit headers. Needs an API key.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.secret("api_key", "API key, sent as 'Authorization: Bearer'."),
                ConfigField.optional("base_url", Type.URL, DEFAULT_BASE_URL,
                        "API root including the version path; change it for Azure OpenAI or a compatible server."),
                ConfigField.optional("organization", Type.STRING, null, "Sent as the OpenAI-Organization header."),
                ConfigField.optional("project", Type.STRING, null, "Sent as the OpenAI-Project header."),
                ConfigField.optional("timeout", Type.DURATION, "60s",
                        "Longest wait for a whole answer; a request's own shorter timeout wins."));
    }

    @Override
    public void init(PluginContext context) {
        Settings s = Settings.from(context.config());
        upstream = new Upstream("openai", context.httpClient(), context.clock(), s.apiKey(), new ErrorReader(),
                headers -> rateLimits(headers, context.clock()));
        settings = s;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        Settings s = settings();
        HttpResponse<String> response = upstream.exchange(post(s, request, false));
        try {
            JsonValue body = Json.read(response.body());
            JsonValue choice = body.get("choices").at(0);
            return new ChatResponse(body.get("model").asText(request.model()),
                    choice.get("message").get("content").asText(""), choice.get("finish_reason").asText(),
                    usage(body.get("usage")), upstream.rateLimits(response.headers().map()), null,
                    requestId(response, body));
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("chat completion", e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        Settings s = settings();
        StreamTimer timer = new StreamTimer("openai", timeout(s, request));
        HttpResponse<InputStream> response = upstream.open(post(s, request, true));
        StringBuilder content = new StringBuilder();
        String model = request.model();
        String finishReason = null;
        String id = null;
        Usage usage = Usage.ZERO;
        int index = 0;
        try (EventStream events = new EventStream(response.body())) {
            EventStream.Event event;
            while ((event = events.nextEvent()) != null) {
                timer.check();
                if (event.data().startsWith("[DONE]")) {
                    break;
                }
                JsonValue chunk = Json.read(event.data());
                if (!chunk.get("error").isMissing() || "error".equals(event.name())) {
                    throw upstream.streamFailure(event.data());
                }
                model = chunk.get("model").asText(model);
                id = chunk.get("id").asText(id);
                JsonValue choice = chunk.get("choices").at(0);
                String text = choice.get("delta").get("content").asText();
                if (text != null && !text.isEmpty()) {
                    timer.text(text);
                    content.append(text);
                    onChunk.accept(new ChatChunk(text, index++));
                }
                finishReason = choice.get("finish_reason").asText(finishReason);
                if (chunk.get("usage").isObject()) {
                    usage = usage(chunk.get("usage"));
                }
            }
        } catch (IOException e) {
            throw upstream.ioFailure(e);
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("stream event", e);
        }
        String requestId = ResponseHeaders.of(response.headers().map()).first("x-request-id");
        return new ChatResponse(model, content.toString(), finishReason, usage,
                upstream.rateLimits(response.headers().map()), timer.timeToFirstToken(),
                requestId != null ? requestId : id);
    }

    @Override
    public List<ModelInfo> listModels() {
        Settings s = settings();
        HttpRequest request = authorised(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/models")))
                .timeout(s.timeout()).GET().build();
        HttpResponse<String> response = upstream.exchange(request);
        try {
            List<ModelInfo> models = new ArrayList<>();
            for (JsonValue model : Json.read(response.body()).get("data").items()) {
                String id = model.get("id").asText();
                if (id != null) {
                    models.add(new ModelInfo(id, null));
                }
            }
            return models;
        } catch (IllegalArgumentException e) {
            throw upstream.unreadable("model list", e);
        }
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

    /** Maps OpenAI's usage object; see the class comment for the cached-token convention. */
    static Usage usage(JsonValue usage) {
        if (!usage.isObject()) {
            return Usage.ZERO;
        }
        long prompt = usage.get("prompt_tokens").asLong(0);
        long completion = usage.get("completion_tokens").asLong(0);
        JsonValue promptDetails = usage.get("prompt_tokens_details");
        long cacheRead = promptDetails.get("cached_tokens").asLong(0);
        long cacheWrite = promptDetails.get("cache_write_tokens").asLong(0);
        long reasoning = usage.get("completion_tokens_details").get("reasoning_tokens").asLong(0);
        long uncached = Math.max(0, prompt - cacheRead - cacheWrite);
        return new Usage(uncached, completion, cacheRead, cacheWrite, Math.min(reasoning, completion));
    }

    /** {@code x-ratelimit-*} headers; resets are relative Go durations such as {@code 6m0s}. */
    static RateLimitSnapshot rateLimits(ResponseHeaders h, Clock clock) {
        return new RateLimitSnapshot(h.count("x-ratelimit-limit-requests"), h.count("x-ratelimit-remaining-requests"),
                h.resetAfter("x-ratelimit-reset-requests", clock), h.count("x-ratelimit-limit-tokens"),
                h.count("x-ratelimit-remaining-tokens"), h.resetAfter("x-ratelimit-reset-tokens", clock),
                h.retryAfter(clock));
    }

    private HttpRequest post(Settings s, ChatRequest request, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            messages.add(Map.of("role", m.role(), "content", m.content()));
        }
        body.put("messages", messages);
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            body.put("max_completion_tokens", request.maxTokens());
        }
        body.putAll(request.parameters());
        if (stream) {
            body.put("stream", true);
            // without this OpenAI sends no usage at all for streamed answers
            body.put("stream_options", Map.of("include_usage", true));
        }
        return authorised(s, HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions")))
                .timeout(timeout(s, request))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
    }

    private static HttpRequest.Builder authorised(Settings s, HttpRequest.Builder builder) {
        builder.header("Authorization", "Bearer " + s.apiKey());
        if (s.organization() != null) {
            builder.header("OpenAI-Organization", s.organization());
        }
        if (s.project() != null) {
            builder.header("OpenAI-Project", s.project());
        }
        return builder;
    }

    private static Duration timeout(Settings s, ChatRequest request) {
        return request.timeout().compareTo(s.timeout()) < 0 ? request.timeout() : s.timeout();
    }

    private static String requestId(HttpResponse<?> response, JsonValue body) {
        String header = ResponseHeaders.of(response.headers().map()).first("x-request-id");
        return header != null ? header : body.get("id").asText();
    }

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            throw new ProviderException(ErrorCategory.AUTH, "the openai provider is not configured (api_key missing)");
        }
        return s;
    }

    /** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    static final class ErrorReader implements Upstream.Classifier {
        @Override
        public ErrorCategory classify(int status, String body) {
            JsonValue error = error(body);
            String code = error.get("code").asText("");
            String type = error.get("type").asText("");
            String message = error.get("message").asText("").toLowerCase(java.util.Locale.ROOT);
            if (code.equals("context_length_exceeded") || code.equals("string_above_max_length")
                    || message.contains("maximum context length")) {
                return ErrorCategory.CONTEXT_LENGTH;
            }
            if (code.equals("content_filter") || code.equals("content_policy_violation")
                    || type.equals("content_filter")) {
                return ErrorCategory.CONTENT_FILTER;
            }
            if (code.equals("rate_limit_exceeded") || code.equals("insufficient_quota")) {
                return ErrorCategory.RATE_LIMIT;
            }
            if (code.equals("invalid_api_key") || type.equals("authentication_error")
                    || type.equals("invalid_authentication")) {
                return ErrorCategory.AUTH;
            }
            if (status == 200 || status >= 500) {
                if (type.equals("server_error") && status != 503) {
                    return ErrorCategory.SERVER_ERROR;
                }
                if (code.equals("engine_overloaded") || message.contains("overloaded")) {
                    return ErrorCategory.OVERLOADED;
                }
            }
            return dev.argus.api.provider.ErrorClassification.byStatus(status);
        }

        @Override
        public Boolean shouldRetry(int status, String body) {
            // a 429 for an exhausted quota or billing limit does not clear by waiting
            return "insufficient_quota".equals(error(body).get("code").asText()) ? Boolean.FALSE : null;
        }

        private static JsonValue error(String body) {
            try {
                return Json.read(body).get("error");
            } catch (IllegalArgumentException notJson) {
                return JsonValue.MISSING;
            }
        }
    }

    private record Settings(String apiKey, String baseUrl, String organization, String project, Duration timeout) {
        static Settings from(PluginConfig config) {
            String base = config.getString("base_url", DEFAULT_BASE_URL);
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return new Settings(config.getString("api_key", null), base, config.getString("organization", null),
                    config.getString("project", null), config.getDuration("timeout", Duration.ofSeconds(60)));
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", api_key=***]";
        }
    }
}
