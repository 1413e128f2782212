package dev.argus.api.provider;

import java.util.Objects;

/**
 * One message of a chat conversation.
 *
 * @param role    {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text of the message
 */
public record ChatMessage(String role, String content) {

    /** Requires both parts. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }
}
