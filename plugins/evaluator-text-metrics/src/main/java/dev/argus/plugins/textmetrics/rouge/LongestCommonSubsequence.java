package dev.argus.plugins.textmetrics.rouge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** rouge-score's LCS table and its back-tracking, which picks one particular LCS on ties. */
final class LongestCommonSubsequence {

    private LongestCommonSubsequence() {
    }

    /** {@code _lcs_table(ref, can)}: cell [i][j] is the LCS length of the first i and j tokens. */
    static int[][] table(List<String> ref, List<String> can) {
        int rows = ref.size();
        int cols = can.size();
        int[][] t = new int[rows + 1][cols + 1];
        for (int i = 1; i <= rows; i++) {
            String r = ref.get(i - 1);
            for (int j = 1; j <= cols; j++) {
                t[i][j] = r.equals(can.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t;
    }

    /**
     * {@code lcs_ind(ref, can)}: the indices into {@code ref} of one LCS, walking back from the end
     * and preferring to drop a candidate token only when that keeps a strictly longer LCS.
     */
    static List<Integer> indices(List<String> ref, List<String> can) {
        int[][] t = table(ref, can);
        Deque<Integer> lcs = new ArrayDeque<>();
        int i = ref.size();
        int j = can.size();
        while (i > 0 && j > 0) {
            if (ref.get(i - 1).equals(can.get(j - 1))) {
                lcs.addFirst(i - 1);
                i--;
                j--;
            } else if (t[i][j - 1] > t[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return List.copyOf(lcs);
    }
}
