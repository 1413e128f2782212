package dev.argus.core.evaluation;

import java.util.UUID;

/**
 * One thing to score, as queued.
 *
 * @param callId        the stored call it came from, or {@code null}
 * @param datasetItemId the dataset item it came from, or {@code null}
 * @param input         the input text, or {@code null}
 * @param output        the answer to score
 * @param reference     the expected answer, or {@code null}
 */
public record JobItem(UUID callId, UUID datasetItemId, String input, String output, String reference) {
}
