package dev.argus.core.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert rule as the API shows it.
 *
 * @param id              the rule's id
 * @param name            unique within the project
 * @param metric          what is watched (see {@link AlertMetric})
 * @param provider        only calls to this provider, or {@code null}
 * @param model           only calls to this model, or {@code null}
 * @param promptName      only calls made with this prompt, or {@code null}
 * @param windowSeconds   the metric is computed over the last {@code windowSeconds / 60} minutes, the
 *                        current one included
 * @param comparator      gt, gte, lt or lte
 * @param threshold       the value compared with
 * @param forSeconds      how long the condition must hold before the rule fires
 * @param cooldownSeconds the least time between two firings
 * @param severity        info, warning or critical
 * @param channelIds      the channels events go to
 * @param enabled         whether the rule is evaluated
 * @param state           ok, pending, firing or resolved
 * @param lastValue       the metric at the last evaluation, or {@code null} without data
 * @param lastEvaluatedAt when last evaluated
 */
public record AlertRule(UUID id, String name, String metric, String provider, String model, String promptName,
                        int windowSeconds, String comparator, double threshold, int forSeconds, int cooldownSeconds,
                        String severity, List<UUID> channelIds, boolean enabled, String state, Double lastValue,
                        OffsetDateTime lastEvaluatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
