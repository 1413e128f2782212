package dev.argus.core.prompts;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/prompts/{name}/versions}: exactly one of {@code template} and
 * {@code messages}; {@code labels} are moved to the new version in the same transaction.
 *
 * @param template      template text with {@code {{variables}}}
 * @param messages      chat messages with {@code {{variables}}}
 * @param model         model name
 * @param parameters    model parameters
 * @param commitMessage why this version was made
 * @param labels        labels to point at the new version
 */
public record NewVersion(String template, List<ChatMessage> messages, String model, Map<String, Object> parameters,
                         String commitMessage, List<String> labels) {
}
