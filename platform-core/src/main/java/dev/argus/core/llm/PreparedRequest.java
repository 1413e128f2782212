package dev.argus.core.llm;

import dev.argus.api.provider.ChatMessage;
import java.util.List;
import java.util.Map;

/**
 * What is sent: the messages (rendered from a prompt version when one was named), the model, and
 * the parameters, with the prompt name and version the logged calls link to.
 */
record PreparedRequest(List<ChatMessage> messages, String model, Map<String, Object> parameters, String promptName,
                       Integer promptVersion) {
}
