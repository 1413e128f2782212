package dev.argus.api.provider;

/**
 * A piece of a streamed answer.
 *
 * @param text  the new text, possibly empty
 * @param index the zero-based position of this chunk in the stream
 */
public record ChatChunk(String text, int index) {
}
