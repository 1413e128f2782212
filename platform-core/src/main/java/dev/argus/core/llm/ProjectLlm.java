package dev.argus.core.llm;

import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResult;
import dev.argus.api.provider.LlmClient;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.secrets.SecretStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Model calls that core makes on a project's behalf (e.g. evaluation judges), handed to extensions as
 * an {@link LlmClient}: the project's provider instance ({@link ProjectProviders}: its secrets
 * {@code provider.<id>.<field>}, else the server's), {@link ResilientLlm}'s retries and circuit
 * breakers, and every attempt logged in the project as a call with the client's tags and metadata
 * before the answer is returned, as {@code POST /api/v1/llm/request} does.
 */
public final class ProjectLlm {

    private final ProjectProviders providers;
    private final AttemptLog attemptLog;
    private final ResiliencePolicy policy;
    private final CircuitBreakers breakers;

    /**
     * @param policy attempts and timeouts of every call made through the clients
     */
    public ProjectLlm(PluginHost plugins, SecretStore secrets, IngestPipeline pipeline, DSLContext dsl,
                      ResiliencePolicy policy) {
        this.providers = new ProjectProviders(plugins, secrets);
        this.attemptLog = new AttemptLog(pipeline, dsl);
        this.policy = policy;
        this.breakers = new CircuitBreakers(policy.circuit(), Clock.systemUTC());
    }

    /**
     * A client for one project.
     *
     * @param tags     labels every logged call carries, before those the caller of the client adds
     * @param metadata metadata every logged call carries
     */
    public LlmClient client(UUID projectId, List<String> tags, Map<String, Object> metadata) {
        List<String> fixedTags = List.copyOf(tags);
        Map<String, Object> fixedMetadata = Map.copyOf(metadata);
        return (provider, request, extraTags) -> chat(projectId, fixedTags, fixedMetadata, provider, request, extraTags);
    }

    private ChatResult chat(UUID project, List<String> tags, Map<String, Object> metadata, String provider,
                            ChatRequest request, Set<String> extraTags) {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("a provider id is required");
        }
        if (provider(project, provider).isEmpty()) {
            throw new IllegalArgumentException("no active provider '" + provider + "'");
        }
        Set<String> allTags = new LinkedHashSet<>(tags);
        if (extraTags != null) {
            // the same bounds as the tags of POST /api/v1/llm/request
            extraTags.stream().filter(t -> t != null && !t.isBlank() && t.length() <= LlmRequest.MAX_TAG_LENGTH)
                    .sorted().limit(LlmRequest.MAX_TAGS).forEach(allTags::add);
        }
        List<String> callTags = List.copyOf(allTags);
        ResilientLlm llm = new ResilientLlm(id -> provider(project, id), policy, breakers, Clock.systemUTC(),
                Sleeper.REAL, Jitter.FULL);
        PreparedRequest prepared = new PreparedRequest(request.messages(), request.model(), request.parameters(), null,
                null);
        String traceId = UuidV7.now().toString();
        List<NewCall> calls = new ArrayList<>();
        AttemptListener listener = attempt -> calls.add(AttemptCall.of(attempt, null, null, callTags, metadata,
                prepared, traceId));
        CallResult result;
        try {
            result = llm.complete(Route.to(provider, request.model()), request, listener);
        } catch (CallFailedException e) {
            attemptLog.store(project, calls);
            throw e;
        }
        if (!attemptLog.store(project, calls)) {
            return new ChatResult(result.response(), null, null, result.attempts().size());
        }
        NewCall answered = calls.getLast();
        return new ChatResult(result.response(), answered.id(), attemptLog.cost(project, answered),
                result.attempts().size());
    }

    /** The project's instance; settings the provider refuses are the caller's mistake, named by field. */
    private Optional<LlmProvider> provider(UUID project, String id) {
        try {
            return providers.provider(project, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provider '" + id + "': " + e.getMessage()
                    + " (set the project secret provider." + id + ".<field>)", e);
        }
    }
}
