package dev.argus.plugins.textmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argus.plugins.textmetrics.rouge.RougeScore;
import dev.argus.plugins.textmetrics.rouge.RougeScorer;
import dev.argus.plugins.textmetrics.rouge.RougeTokenizer;
import dev.argus.plugins.textmetrics.rouge.RougeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rouge-score's rules one by one, on cases small enough to check by hand. */
class RougeRulesTest {

    private static final double EPS = 1e-12;
    private static final RougeScorer PLAIN = new RougeScorer(false);

    private static void assertScore(double p, double r, RougeScore s) {
        assertEquals(p, s.precision(), EPS, "precision");
        assertEquals(r, s.recall(), EPS, "recall");
        assertEquals(p + r > 0 ? 2 * p * r / (p + r) : 0.0, s.fmeasure(), EPS, "fmeasure");
    }

    @Test
    void tokenizerKeepsOnlyLowercaseAsciiLettersAndDigits() {
        assertEquals(List.of("caf", "au", "lait", "2024", "x"), new RougeTokenizer(false).tokenize("Café-au-LAIT, 2024! x"));
        assertEquals(List.of(), new RougeTokenizer(false).tokenize("我爱北京。"));
    }

    @Test
    void stemmerAppliesOnlyToTokensLongerThanThreeCharacters() {
        // "cats" (4) -> "cat", "runs" -> "run", but "ran", "has" (3) are kept as they are
        assertEquals(List.of("cat", "run", "ran", "has", "gener"),
                new RougeTokenizer(true).tokenize("cats runs ran has generalizations"));
        Map<RougeType, RougeScore> stemmed = new RougeScorer(true).score("cats running", "cat runs");
        assertScore(1, 1, stemmed.get(RougeType.ROUGE1));
        assertScore(0, 0, PLAIN.score("cats running", "cat runs").get(RougeType.ROUGE1));
    }

    @Test
    void ngramCountsAreClipped() {
        // bigram (the, the): 2 in the reference, 1 in the candidate
        assertScore(1, 0.5, PLAIN.score("the the the", "the the").get(RougeType.ROUGE2));
        assertScore(1, 2.0 / 3, PLAIN.score("the the the", "the the").get(RougeType.ROUGE1));
    }

    @Test
    void emptyTextScoresZero() {
        for (RougeScore s : PLAIN.score("some reference", "").values()) {
            assertScore(0, 0, s);
        }
        assertScore(0, 0, PLAIN.score("", "some candidate").get(RougeType.ROUGE_L));
    }

    @Test
    void rougeLUsesOneSequenceWhileLsumMatchesSentenceBySentence() {
        // swapped sentences: one LCS over the text keeps only half; per-sentence union LCS keeps all
        Map<RougeType, RougeScore> s = PLAIN.score("a b\nc d", "c d\na b");
        assertScore(0.5, 0.5, s.get(RougeType.ROUGE_L));
        assertScore(1, 1, s.get(RougeType.ROUGE_LSUM));
    }

    @Test
    void lsumCountsEachTokenAtMostAsOftenAsItOccurs() {
        // reference sentences [a b c], [b d]; candidate sentences [a b], [c d].
        // union LCS of [a b c]: {a, b} from [a b] and {c} from [c d] -> 3 hits;
        // union LCS of [b d]: {b} from [a b], {d} from [c d], but the candidate's only "b" is used up -> 1 hit.
        // hits 4: precision 4/4, recall 4/5
        assertScore(1, 0.8, PLAIN.score("a b c\nb d", "a b\nc d").get(RougeType.ROUGE_LSUM));
        // blank lines are not sentences
        assertScore(1, 0.8, PLAIN.score("a b c\n\nb d\n", "a b\n\nc d").get(RougeType.ROUGE_LSUM));
    }

    @Test
    void severalReferencesTakeTheBestFmeasurePerVariant() {
        Map<RougeType, RougeScore> best = PLAIN.scoreMulti(List.of("x y z", "a b c"), "a b c");
        assertScore(1, 1, best.get(RougeType.ROUGE1));
        assertScore(1, 1, best.get(RougeType.ROUGE_L));
    }
}
