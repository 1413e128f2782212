package com.example.argus.pii;

/**
 * One piece of personal data found in a text.
 *
 * @param type   what it is
 * @param field  {@code output} or {@code input}
 * @param start  index of its first character
 * @param end    index after its last character
 * @param masked the value with all but a few characters replaced by {@code *}, safe to store and show
 */
public record Finding(PiiType type, String field, int start, int end, String masked) {
}
