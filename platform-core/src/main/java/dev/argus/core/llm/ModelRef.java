package dev.argus.core.llm;

import java.util.Objects;

/**
 * A model at a provider, e.g. {@code openai/gpt-4o-mini}.
 *
 * @param provider the provider extension's id
 * @param model    the model name as the provider knows it
 */
public record ModelRef(String provider, String model) {

    /** Requires both parts. */
    public ModelRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
