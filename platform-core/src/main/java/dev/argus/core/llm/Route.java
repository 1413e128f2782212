package dev.argus.core.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a call goes: a primary model and, optionally, a model to fall back to when the primary
 * fails after its retries or its circuit is open. The fallback may be at another provider.
 *
 * @param primary  the model to try first
 * @param fallback the model to try second, or {@code null}
 */
public record Route(ModelRef primary, ModelRef fallback) {

    /** Requires a primary. */
    public Route {
        Objects.requireNonNull(primary, "primary");
    }

    /** A route without fallback. */
    public static Route to(String provider, String model) {
        return new Route(new ModelRef(provider, model), null);
    }

    /** This route with a fallback model. */
    public Route withFallback(String provider, String model) {
        return new Route(primary, new ModelRef(provider, model));
    }

    /** The fallback, if any. */
    public Optional<ModelRef> fallbackModel() {
        return Optional.ofNullable(fallback);
    }
}
