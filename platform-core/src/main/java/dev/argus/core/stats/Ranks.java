package dev.argus.core.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Mid-ranks of pooled values (ties share the average of the ranks they span) and the sizes of
 * the tie groups, as {@code scipy.stats.rankdata(method='average')} and {@code _tie_term} use them.
 *
 * @param ranks     rank of each pooled value, in input order
 * @param tieSizes  size of every group of equal values (groups of one included)
 */
record Ranks(double[] ranks, int[] tieSizes) {

    static Ranks of(double[] pooled) {
        Integer[] order = new Integer[pooled.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pooled[i]));
        double[] ranks = new double[pooled.length];
        int[] ties = new int[pooled.length];
        int groups = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && pooled[order[end + 1]] == pooled[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            ties[groups++] = end - start + 1;
            start = end + 1;
        }
        return new Ranks(ranks, Arrays.copyOf(ties, groups));
    }

    boolean hasTies() {
        for (int t : tieSizes) {
            if (t > 1) {
                return true;
            }
        }
        return false;
    }
}
