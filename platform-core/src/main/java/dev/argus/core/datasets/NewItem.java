package dev.argus.core.datasets;

/**
 * A dataset item to add.
 *
 * @param input        the input (prompt variables or question) as text, or {@code null}
 * @param reference    the reference (expected) answer, or {@code null}
 * @param metadataJson a JSON object of anything else (e.g. {@code output}, the answer an evaluation scores)
 */
record NewItem(String input, String reference, String metadataJson) {
}
