package dev.argus.core.evaluation;

import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.llm.AttemptListener;
import dev.argus.core.llm.ResilientLlm;
import dev.argus.core.llm.Route;

/**
 * The provider a judging evaluator talks to: every request goes to one configured provider and model
 * through {@link ResilientLlm}, so judges get the same retries and circuit breaking as other callers.
 */
final class JudgeProvider implements LlmProvider {

    private final ResilientLlm llm;
    private final String provider;
    private final String model;

    JudgeProvider(ResilientLlm llm, String provider, String model) {
        this.llm = llm;
        this.provider = provider;
        this.model = model;
    }

    @Override
    public String id() {
        return provider;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        // CallFailedException is a ProviderException: the evaluator sees the judge's classified failure
        return llm.complete(Route.to(provider, model), request, AttemptListener.NONE).response();
    }
}
