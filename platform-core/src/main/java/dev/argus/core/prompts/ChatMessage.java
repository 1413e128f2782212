package dev.argus.core.prompts;

/**
 * One message of a chat prompt; {@code content} may contain {@code {{variables}}}.
 *
 * @param role    e.g. system, user, assistant
 * @param content message text
 */
public record ChatMessage(String role, String content) {
}
