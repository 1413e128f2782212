package dev.argus.core.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The per-minute rollup of a set of calls, built in memory for one written batch and then added to
 * {@code call_rollup_minute}. Every field merges by addition (or max), so adding a batch's rollup
 * to the stored one equals rolling up all the raw rows.
 */
public final class MinuteRollup {

    /**
     * One rollup row's identity.
     *
     * @param projectId     project
     * @param minute        start of the minute (UTC)
     * @param provider      provider
     * @param model         model
     * @param promptName    prompt name, or {@code null}
     * @param promptVersion prompt version, or {@code null}
     */
    public record Key(UUID projectId, Instant minute, String provider, String model, String promptName,
                      Integer promptVersion) {
    }

    /** Sums of one rollup row. */
    public static final class Sums {
        public long calls;
        public long successCalls;
        public long errorCalls;
        public long cancelledCalls;
        public final Map<String, Long> errorsByCategory = new TreeMap<>();
        public long inputTokens;
        public long outputTokens;
        public long cacheReadInputTokens;
        public long cacheWriteInputTokens;
        public long reasoningTokens;
        public BigDecimal costUsd = BigDecimal.ZERO;
        public long unpricedCalls;
        public long latencySumMs;
        public long latencyMaxMs;
        public final long[] latencyHistogram = new long[LatencyHistogram.BUCKETS];
        public long ttftSumMs;
        public long ttftCalls;
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::projectId)
            .thenComparing(Key::minute).thenComparing(Key::provider).thenComparing(Key::model)
            .thenComparing(Key::promptName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::promptVersion, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<Key, Sums> rows = new HashMap<>();

    /** Adds one call. */
    public void add(PricedCall priced) {
        NewCall c = priced.call();
        Key key = new Key(priced.projectId(), c.startedAt().truncatedTo(ChronoUnit.MINUTES), c.provider(), c.model(),
                c.promptName(), c.promptVersion());
        Sums s = rows.computeIfAbsent(key, k -> new Sums());
        s.calls++;
        switch (c.status()) {
            case "success" -> s.successCalls++;
            case "error" -> s.errorCalls++;
            default -> s.cancelledCalls++;
        }
        if (c.errorCategory() != null) {
            s.errorsByCategory.merge(c.errorCategory().wireName(), 1L, Long::sum);
        }
        s.inputTokens += c.usage().inputTokens();
        s.outputTokens += c.usage().outputTokens();
        s.cacheReadInputTokens += c.usage().cacheReadInputTokens();
        s.cacheWriteInputTokens += c.usage().cacheWriteInputTokens();
        s.reasoningTokens += c.usage().reasoningTokens();
        if (priced.costUsd() != null) {
            s.costUsd = s.costUsd.add(priced.costUsd());
        } else {
            s.unpricedCalls++;
        }
        s.latencySumMs += c.latencyMs();
        s.latencyMaxMs = Math.max(s.latencyMaxMs, c.latencyMs());
        s.latencyHistogram[LatencyHistogram.bucketOf(c.latencyMs())]++;
        if (c.ttftMs() != null) {
            s.ttftSumMs += c.ttftMs();
            s.ttftCalls++;
        }
    }

    /**
     * The rows in a fixed order, so concurrent writers (several nodes) lock rollup rows in the same
     * order and cannot deadlock.
     */
    public List<Map.Entry<Key, Sums>> rows() {
        return rows.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).toList();
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        return "MinuteRollup" + Objects.toString(rows.keySet());
    }
}
