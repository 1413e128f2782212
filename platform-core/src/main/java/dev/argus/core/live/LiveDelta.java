package dev.argus.core.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one committed batch added for one project, provider and model: mergeable counts, so the hub
 * can fold many batches into one push.
 *
 * @param projectId        the project
 * @param provider         provider id
 * @param model            model name
 * @param calls            number of calls
 * @param errorsByCategory errors per category
 * @param costUsd          summed cost (unknown costs count as zero)
 * @param inputTokens      summed input tokens
 * @param outputTokens     summed output tokens
 * @param latencyBuckets   latency histogram counts per bucket (see the rollup histogram), possibly empty
 * @param recentCalls      the newest calls, at most {@link #MAX_RECENT}
 */
public record LiveDelta(UUID projectId, String provider, String model, long calls, Map<String, Long> errorsByCategory,
                        BigDecimal costUsd, long inputTokens, long outputTokens, List<Long> latencyBuckets,
                        List<CallSummary> recentCalls) {

    /** New-call summaries kept per push; the feed is a sample, counts are exact. */
    public static final int MAX_RECENT = 20;

    public LiveDelta {
        errorsByCategory = Map.copyOf(errorsByCategory);
        latencyBuckets = List.copyOf(latencyBuckets);
        recentCalls = List.copyOf(recentCalls.size() > MAX_RECENT
                ? recentCalls.subList(recentCalls.size() - MAX_RECENT, recentCalls.size()) : recentCalls);
    }

    /** Total errors of all categories. */
    public long errors() {
        return errorsByCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Folds {@code other} (same project; provider/model become {@code *} when they differ) into a new delta. */
    public LiveDelta merge(LiveDelta other) {
        Map<String, Long> errors = new TreeMap<>(errorsByCategory);
        other.errorsByCategory.forEach((k, v) -> errors.merge(k, v, Long::sum));
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i < Math.max(latencyBuckets.size(), other.latencyBuckets.size()); i++) {
            long a = i < latencyBuckets.size() ? latencyBuckets.get(i) : 0;
            long b = i < other.latencyBuckets.size() ? other.latencyBuckets.get(i) : 0;
            buckets.add(a + b);
        }
        List<CallSummary> recent = new ArrayList<>(recentCalls);
        recent.addAll(other.recentCalls);
        return new LiveDelta(projectId, provider.equals(other.provider) ? provider : "*",
                model.equals(other.model) ? model : "*", calls + other.calls, errors, costUsd.add(other.costUsd),
                inputTokens + other.inputTokens, outputTokens + other.outputTokens, buckets, recent);
    }
}
