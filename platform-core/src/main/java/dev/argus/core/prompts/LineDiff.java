package dev.argus.core.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Line diff by Myers' O((N+M)·D) greedy algorithm ("An O(ND) Difference Algorithm and Its
 * Variations", 1986): the shortest edit script, so unchanged lines are never reported as moved.
 */
public final class LineDiff {

    /** What happened to a line. */
    public enum Op {
        /** Present in both versions. */
        EQUAL,
        /** Only in the new version. */
        INSERT,
        /** Only in the old version. */
        DELETE
    }

    /**
     * One line of the diff.
     *
     * @param op      what happened
     * @param oldLine 1-based line number in the old text, or {@code null} for an insert
     * @param newLine 1-based line number in the new text, or {@code null} for a delete
     * @param text    the line
     */
    public record Line(Op op, Integer oldLine, Integer newLine, String text) {
    }

    private LineDiff() {
    }

    /** Diffs two texts split on line breaks. */
    public static List<Line> diff(String oldText, String newText) {
        return diff(lines(oldText), lines(newText));
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\r?\n", -1));
    }

    /** Diffs two lists of lines. */
    public static List<Line> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        // walk the trace backwards from (n, m) to recover the edit script
        List<Line> out = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK;
            if (d == 0) {
                prevK = 0;
            } else {
                prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
            }
            int prevX = d == 0 ? 0 : vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                out.add(new Line(Op.EQUAL, x, y, a.get(x - 1)));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    out.add(new Line(Op.INSERT, null, y, b.get(y - 1)));
                } else {
                    out.add(new Line(Op.DELETE, x, null, a.get(x - 1)));
                }
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(out);
        return out;
    }
}
