package dev.argus.core.evaluation;

import java.util.UUID;

/**
 * A job a worker holds: what to score and with which evaluator.
 *
 * @param id            the job id
 * @param projectId     the owning project
 * @param evaluationId  the evaluation it belongs to
 * @param evaluator     evaluator id
 * @param configJson    the evaluation's config as a JSON object
 * @param callId        the scored call, or {@code null}
 * @param datasetItemId the scored dataset item, or {@code null}
 * @param input         the input text, or {@code null}
 * @param output        the output text, or {@code null}
 * @param reference     the reference text, or {@code null}
 * @param attempt       this attempt's number (1-based)
 * @param maxAttempts   attempts before the job is dead-lettered
 */
public record ClaimedJob(long id, UUID projectId, UUID evaluationId, String evaluator, String configJson, UUID callId,
                         UUID datasetItemId, String input, String output, String reference, int attempt,
                         int maxAttempts) {
}
