package dev.argus.plugins.textmetrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.argus.plugins.textmetrics.bleu.BleuScore;
import dev.argus.plugins.textmetrics.bleu.BleuTokenizer;
import dev.argus.plugins.textmetrics.bleu.SacreBleu;
import dev.argus.plugins.textmetrics.bleu.Smoothing;
import dev.argus.plugins.textmetrics.text.PythonStrings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sacrebleu's rules one by one, on cases small enough to check by hand (derivations in comments). */
class BleuRulesTest {

    private static final double EPS = 1e-9;

    private static String tok(String name, String text) {
        return BleuTokenizer.named(name).tokenize(text);
    }

    private static SacreBleu bleu(String tokenize, Smoothing smoothing, Double value, boolean effectiveOrder) {
        return new SacreBleu(tokenize, smoothing, value, false, effectiveOrder, 4);
    }

    @Test
    void tokenizer13aFollowsMteval() {
        assertEquals("Hello , world !", tok("13a", "Hello, world!"));
        // $ ( ) are symbols; period and comma between digits stay; a period after a word splits
        assertEquals("It costs $ 1,234.56 ( approx . )", tok("13a", "It costs $1,234.56 (approx.)"));
        // the line is padded with spaces, so a final period after a number splits too
        assertEquals("In 2023 .", tok("13a", "In 2023."));
        // a dash splits only after a digit; the apostrophe is not in 13a's symbol ranges
        assertEquals("5 - 3 is well-known , we're told", tok("13a", "5-3 is well-known, we're told"));
        // entities are unescaped in order quot, amp, lt, gt: "&amp;lt;" ends as "<"
        assertEquals("a < b & \" c \"", tok("13a", "a &amp;lt; b &amp; &quot;c&quot;"));
        assertEquals("& apos ;", tok("13a", "&apos;"));
        assertEquals("foobar", tok("13a", "foo<skipped>bar"));
        // "-\n" joins a hyphenated line break, other newlines become spaces
        assertEquals("linebreak next", tok("13a", "line-\nbreak\nnext"));
        assertEquals("我爱北京。", tok("13a", "我爱北京。"));
    }

    @Test
    void tokenizerIntlSplitsUnicodePunctuationAndSymbols() {
        assertEquals("Hello , world !", tok("intl", "Hello, world!"));
        // not padded: a period right after a digit at the end stays attached (as in mteval-v14)
        assertEquals("In 2023.", tok("intl", "In 2023."));
        assertEquals("1,000 people", tok("intl", "1,000 people"));
        assertEquals("€ 5 + 3", tok("intl", "€5+3"));
        assertEquals("we ' re « ok »", tok("intl", "we're «ok»"));
        assertEquals("我爱北京 。", tok("intl", "我爱北京。"));
    }

    @Test
    void charAndNoneTokenizers() {
        assertEquals(List.of("a", "b", "c"), PythonStrings.split(tok("char", "ab c")));
        assertEquals(List.of("a", "😀", "日"), PythonStrings.split(tok("char", "a😀 日")));
        assertEquals(List.of("Hello,", "world!"), PythonStrings.split(tok("none", "Hello, world!")));
        assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.named("moses"));
    }

    @Test
    void tokensAreSplitOnPythonWhitespace() {
        // U+00A0 and U+202F are whitespace to Python's str.split(); U+200B is not
        assertEquals(List.of("a", "b", "c"), PythonStrings.split(" a\u00a0b\u202fc\n"));
        assertEquals(List.of("a\u200bb"), PythonStrings.split("a\u200bb"));
        assertEquals("x", PythonStrings.rstrip("x \u3000\t"));
    }

    // "the cat on a mat" against "the cat sat on the mat" (13a):
    // matches 1-4 grams = 4/5, 1/4, 0/3, 0/2; sys_len 5, ref_len 6, bp = exp(1 - 6/5)
    private static final String CAND = "the cat on a mat";
    private static final String REF = "the cat sat on the mat";
    private static final double BP = Math.exp(-0.2);

    @Test
    void statisticsAndBrevityPenalty() {
        BleuScore s = bleu("13a", Smoothing.EXP, null, true).sentenceScore(CAND, List.of(REF));
        assertArrayEquals(new long[] {4, 1, 0, 0}, s.counts());
        assertArrayEquals(new long[] {5, 4, 3, 2}, s.totals());
        assertEquals(5, s.sysLen());
        assertEquals(6, s.refLen());
        assertEquals(BP, s.bp(), EPS);
        assertEquals(5.0 / 6, s.ratio(), EPS);
    }

    @Test
    void expSmoothingHalvesEachSuccessiveZeroPrecision() {
        BleuScore s = bleu("13a", Smoothing.EXP, null, true).sentenceScore(CAND, List.of(REF));
        // zero counts: 3-grams -> 100 / (2 * 3), 4-grams -> 100 / (4 * 2)
        assertArrayEquals(new double[] {80, 25, 100.0 / 6, 12.5}, s.precisions(), EPS);
        assertEquals(BP * Math.pow(80 * 25 * (100.0 / 6) * 12.5, 0.25), s.score(), EPS);
    }

    @Test
    void floorSmoothingReplacesZeroCountsBySmoothValue() {
        BleuScore s = bleu("13a", Smoothing.FLOOR, null, true).sentenceScore(CAND, List.of(REF));
        assertArrayEquals(new double[] {80, 25, 10.0 / 3, 5}, s.precisions(), EPS);
        assertEquals(BP * Math.pow(80 * 25 * (10.0 / 3) * 5, 0.25), s.score(), EPS);
        BleuScore half = bleu("13a", Smoothing.FLOOR, 0.5, true).sentenceScore(CAND, List.of(REF));
        assertArrayEquals(new double[] {80, 25, 50.0 / 3, 25}, half.precisions(), EPS);
    }

    @Test
    void addKSmoothingAddsToOrdersTwoAndUp() {
        BleuScore s = bleu("13a", Smoothing.ADD_K, null, true).sentenceScore(CAND, List.of(REF));
        // (1+1)/(4+1), (0+1)/(3+1), (0+1)/(2+1); unigrams untouched
        assertArrayEquals(new double[] {80, 40, 25, 100.0 / 3}, s.precisions(), EPS);
        assertEquals(BP * Math.pow(80 * 40 * 25 * (100.0 / 3), 0.25), s.score(), EPS);
        BleuScore k2 = bleu("13a", Smoothing.ADD_K, 2.0, true).sentenceScore(CAND, List.of(REF));
        assertArrayEquals(new double[] {80, 300.0 / 6, 40, 50}, k2.precisions(), EPS);
    }

    @Test
    void noSmoothingGivesZeroWhenAnOrderHasNoMatch() {
        assertEquals(0.0, bleu("13a", Smoothing.NONE, null, true).sentenceScore(CAND, List.of(REF)).score());
        // no match at all: score 0 whatever the smoothing
        assertEquals(0.0, bleu("13a", Smoothing.ADD_K, null, true).sentenceScore("x y z", List.of(REF)).score());
    }

    @Test
    void effectiveOrderStopsAtTheLongestCandidateNgram() {
        // "the cat sat" has no 4-grams: with effective order BLEU is the mean over orders 1..3
        BleuScore eff = bleu("13a", Smoothing.EXP, null, true).sentenceScore("the cat sat", List.of(REF));
        assertEquals(Math.exp(-1) * 100, eff.score(), EPS);
        // without it the empty 4-gram order counts as precision 0 and the score is 0
        assertEquals(0.0, bleu("13a", Smoothing.EXP, null, false).sentenceScore("the cat sat", List.of(REF)).score());
    }

    @Test
    void multipleReferencesClipByTheMaximumCountAndUseTheClosestLength() {
        // "the" may match twice (second reference), "the the" and "the cat" match, "the the cat" does not;
        // lengths 2 and 5 against 3: closest is 2, so no brevity penalty
        BleuScore s = bleu("13a", Smoothing.EXP, null, true)
                .sentenceScore("the the cat", List.of("the cat", "the the dog sat here"));
        assertArrayEquals(new long[] {3, 2, 0, 0}, s.counts());
        assertEquals(2, s.refLen());
        assertEquals(Math.cbrt(100 * 100 * 50), s.score(), EPS);
        // equal distance (3 and 5 around 4): the shorter reference length wins
        assertEquals(3, bleu("13a", Smoothing.EXP, null, true)
                .sentenceScore("a b c d", List.of("a b c e f", "a b c")).refLen());
        // empty references are dropped; none left is an error
        assertEquals(3, bleu("13a", Smoothing.EXP, null, true).sentenceScore("a b c", List.of("", "a b c")).refLen());
        assertThrows(IllegalArgumentException.class,
                () -> bleu("13a", Smoothing.EXP, null, true).sentenceScore("a b c", List.of("")));
    }

    @Test
    void corpusBleuSumsStatisticsBeforeScoring() {
        SacreBleu corpus = SacreBleu.corpusDefaults();
        List<String> hyps = List.of("the cat sat", "a dog");
        List<List<String>> refs = List.of(List.of("the cat sat", "a dog barked"));
        BleuScore s = corpus.corpusScore(hyps, refs);
        // [3,2,1,0] + [2,1,0,0] matches of [3,2,1,0] + [2,1,0,0] n-grams; lengths 5 against 3 + 3
        assertArrayEquals(new long[] {5, 3, 1, 0}, s.counts());
        assertArrayEquals(new long[] {5, 3, 1, 0}, s.totals());
        assertEquals(6, s.refLen());
        assertEquals(0.0, s.score(), "corpus_bleu has no effective order: no 4-gram means 0");
        BleuScore eff = new SacreBleu("13a", Smoothing.EXP, null, false, true, 4).corpusScore(hyps, refs);
        assertEquals(100 * Math.exp(-0.2), eff.score(), EPS);
        assertThrows(IllegalArgumentException.class, () -> corpus.corpusScore(hyps, List.of(List.of("one line"))));
    }

    @Test
    void lowercaseAppliesBeforeTokenizing() {
        assertEquals(100.0, new SacreBleu("13a", Smoothing.EXP, null, true, true, 4)
                .sentenceScore("THE CAT SAT", List.of("the cat sat")).score(), EPS);
        assertEquals(0.0, SacreBleu.sentenceDefaults().sentenceScore("THE CAT SAT", List.of("the cat sat")).score());
    }

    @Test
    void maxNgramOrderChangesTheMean() {
        // BLEU-2 of the first example: bp * sqrt(80 * 25)
        BleuScore s = new SacreBleu("13a", Smoothing.EXP, null, false, true, 2).sentenceScore(CAND, List.of(REF));
        assertEquals(BP * Math.sqrt(80 * 25), s.score(), EPS);
    }
}
