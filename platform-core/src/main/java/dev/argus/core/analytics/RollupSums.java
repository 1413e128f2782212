package dev.argus.core.analytics;

import dev.argus.core.ingest.LatencyHistogram;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Rollup rows merged by addition: any set of minutes, models or prompts. */
final class RollupSums {

    long calls;
    long successCalls;
    long errorCalls;
    final Map<String, Long> errorsByCategory = new TreeMap<>();
    long inputTokens;
    long outputTokens;
    BigDecimal costUsd = BigDecimal.ZERO;
    long latencySumMs;
    final long[] histogram = new long[LatencyHistogram.BUCKETS];
    final Set<String> prompts = new HashSet<>();

    void add(RollupRow r) {
        calls += r.calls();
        successCalls += r.successCalls();
        errorCalls += r.errorCalls();
        r.errorsByCategory().forEach((k, v) -> errorsByCategory.merge(k, v, Long::sum));
        inputTokens += r.inputTokens();
        outputTokens += r.outputTokens();
        costUsd = costUsd.add(r.costUsd());
        latencySumMs += r.latencySumMs();
        LatencyHistogram.addInto(histogram, r.latencyHistogram());
        if (r.promptName() != null && r.calls() > 0) {
            prompts.add(r.promptName());
        }
    }

    /** Mean latency, or {@code null} without calls. */
    Double averageLatencyMs() {
        return calls == 0 ? null : (double) latencySumMs / calls;
    }

    /** A latency quantile from the merged histogram, or {@code null} without calls. */
    Double latencyQuantile(double q) {
        double value = LatencyHistogram.quantile(histogram, q);
        return value < 0 ? null : value;
    }

    /** Errors over calls, or {@code null} without calls. */
    Double errorRate() {
        return calls == 0 ? null : (double) errorCalls / calls;
    }

    /** Successes over calls, or {@code null} without calls. */
    Double successRate() {
        return calls == 0 ? null : (double) successCalls / calls;
    }
}
