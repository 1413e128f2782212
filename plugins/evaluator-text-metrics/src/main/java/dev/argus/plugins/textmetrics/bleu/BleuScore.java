package dev.argus.plugins.textmetrics.bleu;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BLEU result with its sufficient statistics, as sacrebleu's {@code BLEUScore}.
 *
 * @param score      BLEU on sacrebleu's 0..100 scale
 * @param counts     matched n-grams per order (before add-k smoothing)
 * @param totals     candidate n-grams per order (before add-k smoothing)
 * @param precisions n-gram precisions per order on the 0..100 scale, smoothed
 * @param bp         the brevity penalty
 * @param sysLen     candidate length in tokens
 * @param refLen     effective reference length in tokens
 */
public record BleuScore(double score, long[] counts, long[] totals, double[] precisions, double bp, long sysLen,
                        long refLen) {

    /** sacrebleu's {@code ratio}: candidate over reference length, 0 without reference tokens. */
    public double ratio() {
        return refLen == 0 ? 0.0 : (double) sysLen / refLen;
    }

    /** JSON-compatible details as the scoring API returns them. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bleu", score);
        details.put("precisions", Arrays.stream(precisions).boxed().toList());
        details.put("bp", bp);
        details.put("ratio", ratio());
        details.put("sys_len", sysLen);
        details.put("ref_len", refLen);
        details.put("counts", Arrays.stream(counts).boxed().toList());
        details.put("totals", Arrays.stream(totals).boxed().toList());
        return details;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleuScore b && Double.compare(score, b.score) == 0 && Arrays.equals(counts, b.counts)
                && Arrays.equals(totals, b.totals) && Arrays.equals(precisions, b.precisions)
                && Double.compare(bp, b.bp) == 0 && sysLen == b.sysLen && refLen == b.refLen;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "BLEU = " + score + " " + List.of(Arrays.toString(precisions)) + " (BP = " + bp + " ratio = " + ratio()
                + " hyp_len = " + sysLen + " ref_len = " + refLen + ")";
    }
}
