package dev.argus.core.ingest;

import java.util.Arrays;

/**
 * Fixed log-scale latency buckets shared by every rollup row, so histograms of any minutes, models
 * or projects merge by adding counts element-wise. Bucket {@code i} counts latencies in
 * {@code [bound(i-1), bound(i))} milliseconds, bucket 0 those below 1 ms, and the last bucket
 * everything from {@link #MAX_BOUND_MS} on. Bounds grow by a factor of 2^(1/4) (about 19 %), so a
 * percentile read from the buckets is within one bucket width (at most ~19 %) of the true value.
 */
public final class LatencyHistogram {

    /** Upper bound of the last finite bucket (10 minutes). */
    public static final long MAX_BOUND_MS = 600_000;

    private static final long[] BOUNDS = computeBounds();

    /** Number of buckets, the overflow bucket included. */
    public static final int BUCKETS = BOUNDS.length + 1;

    private LatencyHistogram() {
    }

    private static long[] computeBounds() {
        long[] bounds = new long[128];
        int n = 0;
        long previous = 0;
        for (int i = 0; ; i++) {
            long bound = (long) Math.ceil(Math.pow(2, i / 4.0) - 1e-9);
            if (bound <= previous) {
                continue;
            }
            if (bound >= MAX_BOUND_MS) {
                bounds[n++] = MAX_BOUND_MS;
                break;
            }
            bounds[n++] = bound;
            previous = bound;
        }
        return Arrays.copyOf(bounds, n);
    }

    /** The exclusive upper bounds in milliseconds of buckets 0..BUCKETS-2. */
    public static long[] bounds() {
        return BOUNDS.clone();
    }

    /** The bucket a latency falls into. */
    public static int bucketOf(long latencyMs) {
        int index = Arrays.binarySearch(BOUNDS, latencyMs);
        // an exact bound starts the next bucket; otherwise the insertion point is the bucket
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** A histogram holding one latency. */
    public static long[] of(long latencyMs) {
        long[] counts = new long[BUCKETS];
        counts[bucketOf(latencyMs)]++;
        return counts;
    }

    /** Adds {@code other} into {@code into}, element-wise. */
    public static void addInto(long[] into, long[] other) {
        for (int i = 0; i < Math.min(into.length, other.length); i++) {
            into[i] += other[i];
        }
    }

    /**
     * The latency at quantile {@code q} (0..1), interpolated linearly inside its bucket, or -1 for an
     * empty histogram.
     */
    public static double quantile(long[] counts, double q) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return -1;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                double upper = i < BOUNDS.length ? BOUNDS[i] : BOUNDS[BOUNDS.length - 1];
                double within = counts[i] == 0 ? 0 : (rank - seen) / counts[i];
                return lower + (upper - lower) * Math.max(0, Math.min(1, within));
            }
            seen += counts[i];
        }
        return BOUNDS[BOUNDS.length - 1];
    }
}
