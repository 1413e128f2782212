/**
 * Calling LLM providers resiliently: {@link dev.argus.core.llm.ResilientLlm} runs a chat request
 * along a {@link dev.argus.core.llm.Route} (primary model, optional fallback) with a timeout per
 * attempt, retries with exponential backoff and full jitter that honour Retry-After and
 * {@code x-should-retry}, and a {@link dev.argus.core.llm.CircuitBreaker} per provider+model. Each
 * attempt is reported to an {@link dev.argus.core.llm.AttemptListener} so it can be logged as a call.
 */
package dev.argus.core.llm;
