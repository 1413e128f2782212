package dev.argus.core.llm;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link CircuitBreaker} per provider+model, created on first use. */
public final class CircuitBreakers {

    private final ResiliencePolicy.CircuitPolicy policy;
    private final Clock clock;
    private final Map<ModelRef, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /** Breakers with these settings, timed by {@code clock}. */
    public CircuitBreakers(ResiliencePolicy.CircuitPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The breaker of a model. */
    public CircuitBreaker of(ModelRef model) {
        return breakers.computeIfAbsent(model, m -> new CircuitBreaker(policy, clock));
    }

    /** The state of a model's breaker; closed when it has none yet. */
    public CircuitState state(ModelRef model) {
        CircuitBreaker breaker = breakers.get(model);
        return breaker == null ? CircuitState.CLOSED : breaker.state();
    }
}
