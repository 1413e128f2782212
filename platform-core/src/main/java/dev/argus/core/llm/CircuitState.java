package dev.argus.core.llm;

/** The state of a circuit breaker. */
public enum CircuitState {
    /** Calls flow; failures are counted. */
    CLOSED,
    /** Calls are refused without reaching the provider until the open period ends. */
    OPEN,
    /** One probe call at a time is let through; its result closes or re-opens the circuit. */
    HALF_OPEN
}
