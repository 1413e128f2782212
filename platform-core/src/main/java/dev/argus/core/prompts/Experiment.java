package dev.argus.core.prompts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An A/B experiment on a prompt: traffic split over versions by weight.
 *
 * @param id            experiment id
 * @param prompt        the prompt's name
 * @param name          experiment name
 * @param status        {@code running} or {@code stopped}
 * @param primaryMetric the metric that decides the winner (e.g. {@code latency_ms}, {@code success_rate},
 *                      {@code cost_usd}, {@code feedback}, an evaluator id)
 * @param guardrails    metrics that must not get worse
 * @param variants      versions and their weights
 * @param createdAt     when it started
 * @param stoppedAt     when it stopped, or {@code null}
 */
public record Experiment(UUID id, String prompt, String name, String status, String primaryMetric,
                         List<String> guardrails, List<Variant> variants, Instant createdAt, Instant stoppedAt) {

    /**
     * @param version the prompt version served
     * @param weight  relative share of traffic
     */
    public record Variant(int version, int weight) {
    }
}
