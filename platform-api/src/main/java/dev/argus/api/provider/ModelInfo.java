package dev.argus.api.provider;

/**
 * A model a provider offers.
 *
 * @param id            the model name to put in requests
 * @param contextWindow the context window in tokens, or {@code null} when unknown
 */
public record ModelInfo(String id, Integer contextWindow) {
}
