package dev.argus.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.stats.HolmCorrection;
import dev.argus.core.stats.WelchTTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptComparisonTest {

    private static double[] normal(Random random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    @Test
    void lowerLatencyWinsWithHolmCorrectedWelch() {
        Random random = new Random(1);
        double[] v1 = normal(random, 300, 800, 120);
        double[] v2 = normal(random, 300, 700, 120);
        double[] v3 = normal(random, 300, 805, 120);
        PromptComparison.Result r = PromptComparison.compare(List.of(new VariantData(1, v1, null, null),
                new VariantData(2, v2, null, null), new VariantData(3, v3, null, null)),
                new PromptComparison.Settings("latency_ms", false, 0.05, 0.8, null));
        assertEquals("winner", r.verdict().outcome());
        assertEquals(2, r.verdict().winnerVersion());
        List<Double> raw = List.of(WelchTTest.test(v1, v2).pValue(), WelchTTest.test(v1, v3).pValue());
        assertEquals(raw.get(0), r.comparisons().get(0).pValue(), 0.0);
        assertEquals(HolmCorrection.adjust(raw), List.of(r.comparisons().get(0).pValueHolm(), r.comparisons().get(1).pValueHolm()));
        assertTrue(r.explanation().contains("Version 2 is the winner"), r.explanation());
        assertEquals("bootstrap_percentile", r.comparisons().get(0).confidenceInterval().method());
        assertTrue(r.comparisons().get(0).confidenceInterval().upper() < 0);
    }

    @Test
    void smallSamplesOfARealDifferenceAskForMoreData() {
        PromptComparison.Result r = PromptComparison.compare(List.of(new VariantData(1, null, 40L, 100L),
                new VariantData(2, null, 48L, 100L)), new PromptComparison.Settings("success_rate", true, 0.05, 0.8, null));
        assertEquals("need_more_samples", r.verdict().outcome());
        assertNull(r.verdict().winnerVersion());
        // 0.40 vs 0.48 needs about 600 per group at 80% power: about 500 more
        long more = r.verdict().additionalSamplesPerVariant();
        assertTrue(more > 400 && more < 600, "more " + more);
        assertEquals("z_test", r.comparisons().getFirst().primaryTest());
        assertTrue(r.explanation().contains("more observations per variant"), r.explanation());
    }

    @Test
    void identicalVariantsShowNoDifferenceAndRareCountsUseFisher() {
        PromptComparison.Result same = PromptComparison.compare(List.of(new VariantData(1, null, 50L, 100L),
                new VariantData(2, null, 50L, 100L)), new PromptComparison.Settings("success_rate", true, 0.05, 0.8, null));
        assertEquals("no_significant_difference", same.verdict().outcome());
        PromptComparison.Result rare = PromptComparison.compare(List.of(new VariantData(1, null, 1L, 20L),
                new VariantData(2, null, 3L, 20L)), new PromptComparison.Settings("success_rate", true, 0.05, 0.8, null));
        assertEquals("fisher", rare.comparisons().getFirst().primaryTest());
    }

    @Test
    void degenerateSamplesExplainWhyNoTestRan() {
        PromptComparison.Result r = PromptComparison.compare(List.of(new VariantData(1, new double[] {1}, null, null),
                new VariantData(2, new double[] {2, 3}, null, null)), new PromptComparison.Settings("score", true, 0.05, 0.8, null));
        assertNull(r.comparisons().getFirst().pValue());
        assertTrue(r.explanation().contains("could not be run"), r.explanation());
    }
}
