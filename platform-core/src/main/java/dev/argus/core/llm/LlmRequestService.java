package dev.argus.core.llm;

import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.prompts.PromptStore;
import dev.argus.core.prompts.PromptVersion;
import dev.argus.core.prompts.Selector;
import dev.argus.core.prompts.Template;
import dev.argus.core.secrets.SecretStore;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * {@code POST /api/v1/llm/request}: Argus calls a provider for the caller — with retries, backoff,
 * circuit breaker and an optional fallback model ({@link ResilientLlm}) — logs every attempt as a call
 * (failures too) durably before answering, and returns the answer with the call id, latency, tokens
 * and cost. {@code "stream": true} answers with server-sent events: {@code chunk} events as text
 * arrives, then one {@code done} (or {@code error}) event once the calls are stored.
 */
public final class LlmRequestService implements ApiService {

    private static final System.Logger LOG = System.getLogger(LlmRequestService.class.getName());

    private final ProjectProviders providers;
    private final PromptStore prompts;
    private final AttemptLog attemptLog;
    private final ResiliencePolicy policy = ResiliencePolicy.DEFAULT;
    private final CircuitBreakers breakers = new CircuitBreakers(policy.circuit(), Clock.systemUTC());

    public LlmRequestService(PluginHost plugins, SecretStore secrets, PromptStore prompts, IngestPipeline pipeline,
                             DSLContext dsl) {
        this.providers = new ProjectProviders(plugins, secrets);
        this.prompts = prompts;
        this.attemptLog = new AttemptLog(pipeline, dsl);
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/request", Access.roleOrKey(ProjectRole.member, ApiKeyScope.PROXY), this::request);
    }

    /**
     * The answer.
     *
     * @param callId            the logged call of the attempt that answered, or {@code null} when the log failed
     * @param traceId           shared by the calls of every attempt
     * @param logged            whether the calls were stored before this answer
     * @param attempts          how many attempts it took, fallback included
     * @param latencyMs         the whole request, retries included
     * @param timeToFirstTokenMs for streamed answers, the delay until the first text
     * @param costUsd           cost of the answering attempt, or {@code null} when its model has no price
     */
    record Answer(UUID callId, String traceId, boolean logged, String provider, String model, String content,
                  String finishReason, Usage usage, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs,
                  int attempts, boolean fellBack, PromptUsed prompt) {
    }

    /** The prompt version a request was rendered from. */
    record PromptUsed(String name, int version) {
    }

    private void request(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        LlmRequest body = Json.read(req, LlmRequest.class);
        PreparedRequest prepared = prepare(project, body);
        for (String id : body.fallback() == null ? Set.of(body.provider()) : Set.of(body.provider(),
                body.fallback().provider())) {
            if (provider(project, id).isEmpty()) {
                throw ApiException.badRequest("unknown_provider", "provider: no active provider '" + id + "'");
            }
        }
        ResilientLlm llm = new ResilientLlm(id -> provider(project, id), policy, breakers, Clock.systemUTC(),
                Sleeper.REAL, Jitter.FULL);
        Route route = Route.to(body.provider(), prepared.model());
        if (body.fallback() != null) {
            route = route.withFallback(body.fallback().provider(), body.fallback().model());
        }
        ChatRequest chat = chatRequest(body, prepared);
        String traceId = UuidV7.now().toString();
        List<NewCall> calls = new ArrayList<>();
        AttemptListener listener = attempt -> calls.add(AttemptCall.of(attempt, body, prepared, traceId));
        long start = System.nanoTime();
        if (body.stream()) {
            stream(res, project, llm, route, chat, listener, calls, prepared, traceId, start);
            return;
        }
        try {
            CallResult result = llm.complete(route, chat, listener);
            Json.ok(res, answer(project, result, calls, prepared, traceId, start));
        } catch (CallFailedException e) {
            throw failure(e, log(project, calls) ? calls : List.of(), traceId);
        }
    }

    private void stream(ServerResponse res, UUID project, ResilientLlm llm, Route route, ChatRequest chat,
                        AttemptListener listener, List<NewCall> calls, PreparedRequest prepared, String traceId,
                        long start) {
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            Object last;
            try {
                CallResult result = llm.stream(route, chat, chunk -> event(out, Map.of("type", "chunk",
                        "text", chunk.text())), listener);
                Map<String, Object> done = new LinkedHashMap<>(Json.MAPPER.convertValue(
                        answer(project, result, calls, prepared, traceId, start), Map.class));
                done.put("type", "done");
                last = done;
            } catch (CallFailedException e) {
                ApiException error = failure(e, log(project, calls) ? calls : List.of(), traceId);
                last = Map.of("type", "error", "error", Map.of("code", error.code(), "message", error.getMessage(),
                        "details", error.details()));
            }
            event(out, last);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the client left during a streamed LLM request: " + e.getMessage());
        }
    }

    private static void event(OutputStream out, Object data) {
        try {
            out.write(("data: " + Json.MAPPER.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<LlmProvider> provider(UUID project, String id) {
        try {
            return providers.provider(project, id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("provider_not_configured", "provider '" + id + "': " + e.getMessage()
                    + " (set the project secret provider." + id + ".<field>)");
        }
    }

    /** Renders the prompt version when one is named; the request's model and parameters win over the version's. */
    private PreparedRequest prepare(UUID project, LlmRequest body) {
        if (body.prompt() == null) {
            if (body.model() == null || body.model().isBlank()) {
                throw ApiException.badRequest("invalid_request", "model is required");
            }
            List<ChatMessage> messages = body.messages().stream().map(m -> new ChatMessage(m.role(), m.content())).toList();
            return new PreparedRequest(messages, body.model(), body.parameters(), null, null);
        }
        LlmRequest.PromptRef ref = body.prompt();
        Selector selector = ref.version() != null ? new Selector.ByVersion(ref.version())
                : new Selector.ByLabel(ref.label() == null ? "production" : ref.label());
        PromptVersion version = prompts.find(project, ref.name(), selector)
                .orElseThrow(() -> ApiException.notFound("prompt version"));
        Map<String, Object> values = ref.variables() == null ? Map.of() : ref.variables();
        Template.requireAll(Set.copyOf(version.variables()), values);
        List<ChatMessage> messages = version.template() != null
                ? List.of(new ChatMessage("user", Template.render(version.template(), values)))
                : version.messages().stream().map(m -> new ChatMessage(m.role(), Template.render(m.content(), values))).toList();
        String model = body.model() != null ? body.model() : version.model();
        if (model == null || model.isBlank()) {
            throw ApiException.badRequest("invalid_request", "model is required: prompt " + ref.name() + " version "
                    + version.version() + " names none");
        }
        Map<String, Object> parameters = new HashMap<>(version.parameters() == null ? Map.of() : version.parameters());
        parameters.putAll(body.parameters());
        return new PreparedRequest(messages, model, parameters, version.name(), version.version());
    }

    private static ChatRequest chatRequest(LlmRequest body, PreparedRequest prepared) {
        Map<String, Object> parameters = new HashMap<>(prepared.parameters());
        Double temperature = body.temperature() != null ? body.temperature()
                : parameters.remove("temperature") instanceof Number n ? n.doubleValue() : null;
        Integer maxTokens = body.maxTokens() != null ? body.maxTokens()
                : parameters.remove("max_tokens") instanceof Number n ? n.intValue() : null;
        parameters.remove("temperature");
        parameters.remove("max_tokens");
        Duration timeout = body.timeoutMs() == null ? null : Duration.ofMillis(body.timeoutMs());
        return new ChatRequest(prepared.model(), prepared.messages(), temperature, maxTokens, parameters, timeout);
    }

    private Answer answer(UUID project, CallResult result, List<NewCall> calls, PreparedRequest prepared,
                          String traceId, long start) {
        boolean logged = log(project, calls);
        NewCall answered = calls.getLast();
        BigDecimal cost = logged ? attemptLog.cost(project, answered) : null;
        var response = result.response();
        return new Answer(logged ? answered.id() : null, traceId, logged, result.servedBy().provider(),
                answered.model(), response.content(), response.finishReason(), response.usage(),
                cost, (System.nanoTime() - start) / 1_000_000,
                answered.ttftMs(), result.attempts().size(), result.fellBack(),
                prepared.promptName() == null ? null : new PromptUsed(prepared.promptName(), prepared.promptVersion()));
    }

    private boolean log(UUID project, List<NewCall> calls) {
        return attemptLog.store(project, calls);
    }

    private static ApiException failure(CallFailedException e, List<NewCall> logged, String traceId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("category", e.category().wireName());
        details.put("upstream_status", e.httpStatus() == 0 ? null : e.httpStatus());
        details.put("attempts", e.attempts().size());
        details.put("call_id", logged.isEmpty() ? null : logged.getLast().id().toString());
        details.put("trace_id", traceId);
        Map<String, String> headers = new HashMap<>();
        if (e.retryAfter() != null) {
            headers.put("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        ErrorCategory category = e.category();
        Status status = switch (category) {
            case RATE_LIMIT -> Status.TOO_MANY_REQUESTS_429;
            case TIMEOUT -> Status.GATEWAY_TIMEOUT_504;
            case INVALID_REQUEST, CONTEXT_LENGTH, CONTENT_FILTER -> Status.create(422, "Unprocessable Content");
            default -> Status.BAD_GATEWAY_502;
        };
        return new ApiException(status, "provider_" + category.wireName(), "the provider did not answer: "
                + e.getMessage(), details, headers);
    }
}
