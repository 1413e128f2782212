package dev.argus.plugins.textmetrics.bleu;

import dev.argus.plugins.textmetrics.text.PythonStrings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * BLEU exactly as sacrebleu 2.x computes it ({@code sacrebleu.metrics.bleu.BLEU}): segments are
 * optionally lowercased, right-stripped and tokenized; n-gram matches are clipped by the maximum
 * count over the references; the reference length is the closest one (the shorter on ties); the
 * statistics are summed over the corpus before precisions, smoothing and brevity penalty.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SacreBleu {

    /** sacrebleu's default maximum n-gram order. */
    public static final int MAX_NGRAM_ORDER = 4;

    private final BleuTokenizer tokenizer;
    private final Smoothing smoothing;
    private final Double smoothValue;
    private final boolean lowercase;
    private final boolean effectiveOrder;
    private final int maxNgramOrder;

    /**
     * @param tokenize       {@code 13a}, {@code intl}, {@code char} or {@code none}
     * @param smoothing      the smoothing method
     * @param smoothValue    the value for {@code floor} and {@code add-k}, or {@code null} for the default
     * @param lowercase      lowercase before tokenizing
     * @param effectiveOrder average only over the orders the candidate has n-grams of (sentence BLEU)
     * @param maxNgramOrder  the highest n-gram order, 4 in BLEU
     */
    public SacreBleu(String tokenize, Smoothing smoothing, Double smoothValue, boolean lowercase,
                     boolean effectiveOrder, int maxNgramOrder) {
        if (maxNgramOrder < 1) {
            throw new IllegalArgumentException("max_ngram_order must be at least 1");
        }
        this.tokenizer = BleuTokenizer.named(tokenize);
        this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
        this.smoothValue = smoothValue;
        this.lowercase = lowercase;
        this.effectiveOrder = effectiveOrder;
        this.maxNgramOrder = maxNgramOrder;
    }

    /** {@code sacrebleu.sentence_bleu} with its defaults: 13a, exp smoothing, effective order. */
    public static SacreBleu sentenceDefaults() {
        return new SacreBleu("13a", Smoothing.EXP, null, false, true, MAX_NGRAM_ORDER);
    }

    /** {@code sacrebleu.corpus_bleu} with its defaults: 13a, exp smoothing, no effective order. */
    public static SacreBleu corpusDefaults() {
        return new SacreBleu("13a", Smoothing.EXP, null, false, false, MAX_NGRAM_ORDER);
    }

    /** sacrebleu's {@code sentence_score(hypothesis, references)}. */
    public BleuScore sentenceScore(String hypothesis, List<String> references) {
        List<List<String>> streams = new ArrayList<>();
        for (String reference : references) {
            streams.add(java.util.Collections.singletonList(reference));
        }
        return corpusScore(List.of(hypothesis), streams);
    }

    /**
     * sacrebleu's {@code corpus_score(hypotheses, references)}.
     *
     * @param hypotheses       one candidate per segment
     * @param referenceStreams one or more reference streams, each with one reference per segment;
     *                         {@code null} or empty entries mean "no reference from this stream here"
     * @throws IllegalArgumentException when streams differ in length or a segment has no reference
     */
    public BleuScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
        if (referenceStreams.isEmpty()) {
            throw new IllegalArgumentException("at least one reference is required");
        }
        for (List<String> stream : referenceStreams) {
            if (stream.size() != hypotheses.size()) {
                throw new IllegalArgumentException("the candidate has " + hypotheses.size()
                        + " segments but a reference stream has " + stream.size());
            }
        }
        long[] stats = new long[2 + 2 * maxNgramOrder];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = new ArrayList<>();
            for (List<String> stream : referenceStreams) {
                String ref = stream.get(i);
                if (ref != null && !ref.isEmpty()) {
                    refs.add(ref);
                }
            }
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("segment " + (i + 1) + " has an empty reference");
            }
            String hypothesis = Objects.requireNonNull(hypotheses.get(i), "candidate segment");
            long[] segment = segmentStatistics(preprocess(hypothesis), refs.stream().map(this::preprocess).toList());
            for (int k = 0; k < stats.length; k++) {
                stats[k] += segment[k];
            }
        }
        return fromStatistics(stats);
    }

    /** The score of already summed statistics {@code [sys_len, ref_len, counts..., totals...]}. */
    public BleuScore fromStatistics(long[] stats) {
        long[] counts = java.util.Arrays.copyOfRange(stats, 2, 2 + maxNgramOrder);
        long[] totals = java.util.Arrays.copyOfRange(stats, 2 + maxNgramOrder, 2 + 2 * maxNgramOrder);
        return computeBleu(counts, totals, stats[0], stats[1], smoothing, smoothValue, effectiveOrder);
    }

    private String preprocess(String segment) {
        // Python's str.lower() and Java's full-Unicode lowercasing agree, including final sigma
        String s = lowercase ? segment.toLowerCase(Locale.ROOT) : segment;
        return tokenizer.tokenize(PythonStrings.rstrip(s));
    }

    private long[] segmentStatistics(String hypothesis, List<String> references) {
        Map<String, Integer> refNgrams = new HashMap<>();
        List<Integer> refLens = new ArrayList<>();
        for (String reference : references) {
            List<String> tokens = PythonStrings.split(reference);
            refLens.add(tokens.size());
            ngrams(tokens).forEach((ngram, count) -> refNgrams.merge(ngram, count, Math::max));
        }
        List<String> hypTokens = PythonStrings.split(hypothesis);
        int hypLen = hypTokens.size();
        long[] stats = new long[2 + 2 * maxNgramOrder];
        stats[0] = hypLen;
        stats[1] = closestRefLen(hypLen, refLens);
        for (var entry : ngrams(hypTokens).entrySet()) {
            int n = order(entry.getKey());
            int count = entry.getValue();
            stats[2 + maxNgramOrder + n - 1] += count;
            Integer ref = refNgrams.get(entry.getKey());
            if (ref != null) {
                stats[2 + n - 1] += Math.min(count, ref);
            }
        }
        return stats;
    }

    private static int closestRefLen(int hypLen, List<Integer> refLens) {
        int closestDiff = -1;
        int closestLen = -1;
        for (int refLen : refLens) {
            int diff = Math.abs(hypLen - refLen);
            if (closestDiff == -1 || diff < closestDiff) {
                closestDiff = diff;
                closestLen = refLen;
            } else if (diff == closestDiff && refLen < closestLen) {
                closestLen = refLen;
            }
        }
        return closestLen;
    }

    /** n-grams of orders 1..max as their tokens joined by U+0001 (tokens never hold it after split). */
    private Map<String, Integer> ngrams(List<String> tokens) {
        Map<String, Integer> ngrams = new HashMap<>();
        for (int n = 1; n <= maxNgramOrder; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                String ngram = n == 1 ? tokens.get(i) : String.join(SEPARATOR, tokens.subList(i, i + n));
                ngrams.merge(ngram, 1, Integer::sum);
            }
        }
        return ngrams;
    }

    private static final String SEPARATOR = "\u0001";

    private static int order(String ngram) {
        int n = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == '\u0001') {
                n++;
            }
        }
        return n;
    }

    /**
     * sacrebleu's {@code BLEU.compute_bleu}: precisions with smoothing, the brevity penalty and the
     * geometric mean, on the 0..100 scale.
     */
    static BleuScore computeBleu(long[] counts, long[] totals, long sysLen, long refLen, Smoothing smoothing,
                                 Double smoothValue, boolean effectiveOrder) {
        int maxOrder = counts.length;
        double value = smoothValue != null ? smoothValue : smoothing.defaultValue() == null ? 0.0
                : smoothing.defaultValue();
        double bp;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0;
        } else {
            bp = 1.0;
        }
        double[] precisions = new double[maxOrder];
        boolean anyMatch = false;
        for (long c : counts) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return new BleuScore(0.0, counts.clone(), totals.clone(), precisions, bp, sysLen, refLen);
        }
        double[] correct = new double[maxOrder];
        double[] total = new double[maxOrder];
        for (int i = 0; i < maxOrder; i++) {
            correct[i] = counts[i];
            total[i] = totals[i];
        }
        double smoothMteval = 1.0;
        int effOrder = maxOrder;
        for (int n = 1; n <= maxOrder; n++) {
            if (smoothing == Smoothing.ADD_K && n > 1) {
                correct[n - 1] += value;
                total[n - 1] += value;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (effectiveOrder) {
                effOrder = n;
            }
            if (correct[n - 1] == 0) {
                if (smoothing == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100. / (smoothMteval * total[n - 1]);
                } else if (smoothing == Smoothing.FLOOR) {
                    precisions[n - 1] = 100. * value / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100. * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0.0;
        for (int i = 0; i < effOrder; i++) {
            logSum += myLog(precisions[i]);
        }
        double score = bp * Math.exp(logSum / effOrder);
        return new BleuScore(score, counts.clone(), totals.clone(), precisions, bp, sysLen, refLen);
    }

    /** sacrebleu's {@code my_log}: log, with a huge negative number for zero. */
    private static double myLog(double x) {
        return x == 0.0 ? -9999999999.0 : Math.log(x);
    }
}
