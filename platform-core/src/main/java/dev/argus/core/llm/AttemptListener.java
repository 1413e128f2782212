package dev.argus.core.llm;

/**
 * Receives every attempt of a call as it ends, on the caller's thread, before the next attempt or
 * the result. The call-tracking feature logs each one as an LLM call.
 */
@FunctionalInterface
public interface AttemptListener {

    /** Ignores attempts. */
    AttemptListener NONE = attempt -> { };

    /** Called once per attempt. Must not throw. */
    void onAttempt(Attempt attempt);
}
