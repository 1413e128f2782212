package dev.argus.api.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A chat answer obtained through the host's {@link LlmClient}, with what the host logged for it.
 *
 * @param response the answer
 * @param callId   the logged call of the attempt that answered, or {@code null} when it could not be logged
 * @param costUsd  that call's cost in US dollars, or {@code null} when the model has no price or the call was not logged
 * @param attempts how many attempts the host made, the answering one included
 * @since 0.1.0
 */
public record ChatResult(ChatResponse response, UUID callId, BigDecimal costUsd, int attempts) {

    /** Requires a response. */
    public ChatResult {
        Objects.requireNonNull(response, "response");
    }
}
