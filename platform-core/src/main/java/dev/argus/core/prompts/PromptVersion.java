package dev.argus.core.prompts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of a prompt, as the API returns it.
 *
 * @param name          the prompt's name
 * @param version       1, 2, … per prompt
 * @param type          {@code text} (a template) or {@code chat} (messages)
 * @param template      the template text, for {@code text}
 * @param messages      the messages, for {@code chat}
 * @param model         the model to call, if set
 * @param parameters    model parameters (temperature, max_tokens, …)
 * @param commitMessage why this version was made
 * @param author        who made it
 * @param labels        labels now pointing at this version
 * @param variables     {@code {{variables}}} the version expects
 * @param createdAt     when it was made
 */
public record PromptVersion(String name, int version, String type, String template, List<ChatMessage> messages,
                            String model, Map<String, Object> parameters, String commitMessage, Author author,
                            List<String> labels, List<String> variables, Instant createdAt) {

    /**
     * Who made a version or moved a label: a signed-in user or an API key.
     *
     * @param userId   the user, or {@code null}
     * @param apiKeyId the API key, or {@code null}
     */
    public record Author(java.util.UUID userId, java.util.UUID apiKeyId) {
    }

    /** The version's content as lines for diffs: the template, or each message under a role header. */
    public String diffText() {
        if (template != null) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        for (ChatMessage message : messages) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("[").append(message.role()).append("]\n").append(message.content());
        }
        return out.toString();
    }
}
