package dev.argus.plugins.textmetrics.rouge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE exactly as Google's rouge-score ({@code rouge_scorer.RougeScorer}) computes it: n-gram
 * overlap clipped by counts, LCS over the whole token sequence, and for {@code rougeLsum} the
 * summary-level union LCS over newline-separated sentences with ROUGE-1.5.5's guard against counting
 * a token more often than it occurs. Texts are tokenized with {@link RougeTokenizer}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RougeScorer {

    private final RougeTokenizer tokenizer;

    /** @param useStemmer stem tokens with NLTK's Porter stemmer, as {@code use_stemmer=True} */
    public RougeScorer(boolean useStemmer) {
        this.tokenizer = new RougeTokenizer(useStemmer);
    }

    /** {@code score(target, prediction)} for all four variants. */
    public Map<RougeType, RougeScore> score(String reference, String candidate) {
        List<String> target = tokenizer.tokenize(reference);
        List<String> prediction = tokenizer.tokenize(candidate);
        Map<RougeType, RougeScore> result = new EnumMap<>(RougeType.class);
        result.put(RougeType.ROUGE1, ngramScore(ngrams(target, 1), ngrams(prediction, 1)));
        result.put(RougeType.ROUGE2, ngramScore(ngrams(target, 2), ngrams(prediction, 2)));
        result.put(RougeType.ROUGE_L, lcsScore(target, prediction));
        result.put(RougeType.ROUGE_LSUM, summaryLevelLcs(sentences(reference), sentences(candidate)));
        return result;
    }

    /**
     * {@code score_multi(targets, prediction)}: per variant, the score against the reference with the
     * highest F-measure (the first one on ties).
     */
    public Map<RougeType, RougeScore> scoreMulti(List<String> references, String candidate) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("at least one reference is required");
        }
        List<Map<RougeType, RougeScore>> all = references.stream().map(r -> score(r, candidate)).toList();
        Map<RougeType, RougeScore> best = new EnumMap<>(RougeType.class);
        for (RougeType type : RougeType.values()) {
            RougeScore max = null;
            for (Map<RougeType, RougeScore> scores : all) {
                RougeScore s = scores.get(type);
                if (max == null || s.fmeasure() > max.fmeasure()) {
                    max = s;
                }
            }
            best.put(type, max);
        }
        return best;
    }

    private List<List<String>> sentences(String text) {
        List<List<String>> sentences = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                sentences.add(tokenizer.tokenize(line));
            }
        }
        return sentences;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> ngrams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            ngrams.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return ngrams;
    }

    private static RougeScore ngramScore(Map<List<String>, Integer> target, Map<List<String>, Integer> prediction) {
        long intersection = 0;
        for (var entry : target.entrySet()) {
            intersection += Math.min(entry.getValue(), prediction.getOrDefault(entry.getKey(), 0));
        }
        long targetCount = target.values().stream().mapToLong(Integer::longValue).sum();
        long predictionCount = prediction.values().stream().mapToLong(Integer::longValue).sum();
        double precision = (double) intersection / Math.max(predictionCount, 1);
        double recall = (double) intersection / Math.max(targetCount, 1);
        return RougeScore.of(precision, recall);
    }

    private static RougeScore lcsScore(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return RougeScore.ZERO;
        }
        int lcs = LongestCommonSubsequence.table(target, prediction)[target.size()][prediction.size()];
        return RougeScore.of((double) lcs / prediction.size(), (double) lcs / target.size());
    }

    private static RougeScore summaryLevelLcs(List<List<String>> refSentences, List<List<String>> candSentences) {
        if (refSentences.isEmpty() || candSentences.isEmpty()) {
            return RougeScore.ZERO;
        }
        int m = refSentences.stream().mapToInt(List::size).sum();
        int n = candSentences.stream().mapToInt(List::size).sum();
        if (m == 0 || n == 0) {
            return RougeScore.ZERO;
        }
        Map<String, Integer> refCounts = new HashMap<>();
        Map<String, Integer> candCounts = new HashMap<>();
        refSentences.forEach(s -> s.forEach(t -> refCounts.merge(t, 1, Integer::sum)));
        candSentences.forEach(s -> s.forEach(t -> candCounts.merge(t, 1, Integer::sum)));
        int hits = 0;
        for (List<String> ref : refSentences) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> cand : candSentences) {
                union.addAll(LongestCommonSubsequence.indices(ref, cand));
            }
            for (int index : union) {
                String token = ref.get(index);
                if (candCounts.getOrDefault(token, 0) > 0 && refCounts.getOrDefault(token, 0) > 0) {
                    hits++;
                    candCounts.merge(token, -1, Integer::sum);
                    refCounts.merge(token, -1, Integer::sum);
                }
            }
        }
        return RougeScore.of((double) hits / n, (double) hits / m);
    }
}
