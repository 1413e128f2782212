package dev.argus.api.provider;

import java.util.Set;

/**
 * Chat completions run by the host on an extension's behalf. Unlike calling an {@link LlmProvider}
 * directly, the host chooses the provider instance (a project's own settings where it has them),
 * applies its retries, timeouts and circuit breaking, and logs every attempt as a call — so what an
 * extension spends on models (e.g. an evaluator asking a judge) shows up in the project's calls and
 * costs. Extensions get a client from the host, e.g. through
 * {@link dev.argus.api.evaluator.EvaluationContext#llm()}; they never create one.
 *
 * @since 0.1.0 (added with the LLM-as-judge evaluator; hosts that predate it offer no client)
 */
public interface LlmClient {

    /**
     * Runs one chat completion and waits for the whole answer.
     *
     * @param provider the provider extension's id, e.g. {@code openai}
     * @param request  the request; its {@code model} is the model asked
     * @param tags     labels for the logged calls, added to those the host sets itself
     * @return the answer with the id of the logged call that carries it
     * @throws ProviderException        when no attempt got an answer (the last attempt's classification)
     * @throws IllegalArgumentException when the provider is not active or its settings for this project are invalid
     */
    ChatResult chat(String provider, ChatRequest request, Set<String> tags);
}
