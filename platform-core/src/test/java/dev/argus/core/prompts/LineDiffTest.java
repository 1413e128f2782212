package dev.argus.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void reportsChangedLinesWithTheirNumbers() {
        List<LineDiff.Line> diff = LineDiff.diff("You are helpful.\nAnswer {{question}}.\nBe brief.",
                "You are helpful.\nAnswer {{question}} in {{language}}.\nBe brief.\nCite sources.");
        assertEquals(List.of(
                new LineDiff.Line(LineDiff.Op.EQUAL, 1, 1, "You are helpful."),
                new LineDiff.Line(LineDiff.Op.DELETE, 2, null, "Answer {{question}}."),
                new LineDiff.Line(LineDiff.Op.INSERT, null, 2, "Answer {{question}} in {{language}}."),
                new LineDiff.Line(LineDiff.Op.EQUAL, 3, 3, "Be brief."),
                new LineDiff.Line(LineDiff.Op.INSERT, null, 4, "Cite sources.")), diff);
        assertEquals(List.of(), LineDiff.diff("", ""));
        assertEquals(List.of(new LineDiff.Line(LineDiff.Op.INSERT, null, 1, "a")), LineDiff.diff("", "a"));
    }

    @Test
    void isAShortestEditScriptThatRebuildsBothTexts() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<LineDiff.Line> diff = LineDiff.diff(a, b);
            List<String> oldSide = new ArrayList<>();
            List<String> newSide = new ArrayList<>();
            int edits = 0;
            for (LineDiff.Line line : diff) {
                if (line.op() != LineDiff.Op.INSERT) {
                    oldSide.add(line.text());
                    assertEquals(oldSide.size(), line.oldLine());
                }
                if (line.op() != LineDiff.Op.DELETE) {
                    newSide.add(line.text());
                    assertEquals(newSide.size(), line.newLine());
                }
                edits += line.op() == LineDiff.Op.EQUAL ? 0 : 1;
            }
            assertEquals(a, oldSide);
            assertEquals(b, newSide);
            assertEquals(a.size() + b.size() - 2 * lcs(a, b), edits, "minimal edits for " + a + " -> " + b);
        }
    }

    private static List<String> randomLines(Random random) {
        List<String> lines = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    /** Longest common subsequence length by dynamic programming, the independent oracle. */
    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
