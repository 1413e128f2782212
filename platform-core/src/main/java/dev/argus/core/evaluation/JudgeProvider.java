package dev.argus.core.evaluation;

import dev.argus.api.evaluator.EvaluationContext;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.LlmClient;
import dev.argus.api.provider.LlmProvider;
import java.util.Set;

/**
 * The judge a {@code JUDGE_PROVIDER} evaluator finds in its input: every request goes to the configured
 * provider and model through the call's {@link EvaluationContext#llm()}, so it uses the project's
 * provider settings, the host's retries and circuit breaking, and is logged as a judge call.
 */
final class JudgeProvider implements LlmProvider {

    private final LlmClient client;
    private final String provider;
    private final String model;

    private JudgeProvider(LlmClient client, String provider, String model) {
        this.client = client;
        this.provider = provider;
        this.model = model;
    }

    /**
     * The judge of one call, or {@code null} when the context offers no model calls.
     *
     * @throws IllegalArgumentException when the settings name no provider or model
     */
    static LlmProvider of(EvaluationContext context, String provider, String model) {
        if (provider == null || model == null) {
            throw new IllegalArgumentException("a judge needs provider and model settings");
        }
        return context.llm().map(client -> new JudgeProvider(client, provider, model)).orElse(null);
    }

    @Override
    public String id() {
        return provider;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        ChatRequest toModel = new ChatRequest(model, request.messages(), request.temperature(), request.maxTokens(),
                request.parameters(), request.timeout());
        // a failure after the host's retries is a ProviderException: the evaluator sees the judge's classified failure
        return client.chat(provider, toModel, Set.of()).response();
    }
}
