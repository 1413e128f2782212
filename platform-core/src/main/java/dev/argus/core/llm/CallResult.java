package dev.argus.core.llm;

import dev.argus.api.provider.ChatResponse;
import java.util.List;

/**
 * A call that got an answer.
 *
 * @param response the answer
 * @param servedBy the model that answered (the fallback when the primary failed)
 * @param attempts every attempt, the successful one last
 */
public record CallResult(ChatResponse response, ModelRef servedBy, List<Attempt> attempts) {

    /** Copies the list. */
    public CallResult {
        attempts = List.copyOf(attempts);
    }

    /** Whether the fallback model answered. */
    public boolean fellBack() {
        return attempts.getLast().fallback();
    }
}
