package dev.argus.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the statistics that the SciPy cases do not cover. */
class StatsPropertiesTest {

    @Test
    void exactMannWhitneyMatchesBruteForceEnumeration() {
        // enumerate every way to pick which m of the m+n ranks belong to the first sample
        int m = 4;
        int n = 6;
        int[] counts = new int[m * n + 1];
        int total = 0;
        for (int mask = 0; mask < 1 << (m + n); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            int rankSum = 0;
            for (int i = 0; i < m + n; i++) {
                if ((mask & 1 << i) != 0) {
                    rankSum += i + 1;
                }
            }
            counts[rankSum - m * (m + 1) / 2]++;
            total++;
        }
        ExactMannWhitney exact = ExactMannWhitney.of(m, n);
        for (int u = 0; u <= m * n; u++) {
            int tail = Arrays.stream(counts, u, counts.length).sum();
            assertEquals((double) tail / total, exact.survival(u), 1e-15, "U >= " + u);
        }
        assertEquals(exact.survival(0), 1.0, 0.0);
        assertEquals(ExactMannWhitney.of(n, m).survival(17), exact.survival(17), 0.0, "symmetric in the sizes");
    }

    @Test
    void holmAdjustsStepDownAndKeepsMissingValues() {
        List<Double> adjusted = HolmCorrection.adjust(Arrays.asList(0.01, 0.04, null, 0.03, 0.5));
        // m = 4: 0.01*4 = 0.04, 0.03*3 = 0.09, 0.04*2 = 0.08 -> max(0.09, 0.08) = 0.09, 0.5*1 = 0.5
        assertEquals(0.04, adjusted.get(0), 1e-15);
        assertEquals(0.09, adjusted.get(1), 1e-15);
        assertNull(adjusted.get(2));
        assertEquals(0.09, adjusted.get(3), 1e-15);
        assertEquals(0.5, adjusted.get(4), 1e-15);
        assertEquals(List.of(1.0), HolmCorrection.adjust(List.of(1.0)));
    }

    @Test
    void sampleSizeAndDetectableEffectAreInverse() {
        // textbook: d = 0.5, alpha 0.05, power 0.8 -> 63 per group with the normal approximation
        assertEquals(63, PowerAnalysis.sampleSizeForMeans(0.5, 1, 1, 0.05, 0.8));
        double mde = PowerAnalysis.minimumDetectableEffect(63, 1, 1, 0.05, 0.8);
        assertTrue(mde < 0.5 && mde > 0.49, "MDE " + mde);
        // 10% vs 12% conversion needs about 3,840 per group (Fleiss without continuity correction)
        long n = PowerAnalysis.sampleSizeForProportions(0.10, 0.12, 0.05, 0.8);
        assertTrue(n > 3_800 && n < 3_900, "n " + n);
        assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.sampleSizeForMeans(0, 1, 1, 0.05, 0.8));
    }

    @Test
    void bootstrapIsSeededAndCoversTheTrueDifference() {
        SplittableRandom random = new SplittableRandom(5);
        double[] a = random.doubles(200).toArray();
        double[] b = random.doubles(200).map(x -> x + 0.1).toArray();
        BootstrapInterval first = BootstrapInterval.differenceOfMeans(a, b, 0.95, 2_000, 99);
        assertEquals(first, BootstrapInterval.differenceOfMeans(a, b, 0.95, 2_000, 99));
        assertTrue(first.lower() < 0.1 && 0.1 < first.upper(), first.toString());
        // the 95% interval is close to the normal-theory interval mean ± 1.96·se
        double se = Math.sqrt(SampleSummary.of(a).variance() / 200 + SampleSummary.of(b).variance() / 200);
        assertEquals(2 * 1.96 * se, first.upper() - first.lower(), 0.15 * 2 * 1.96 * se);
    }

    @Test
    void effectSizesUseThePooledStandardDeviation() {
        EffectSize e = EffectSize.of(SampleSummary.of(new double[] {1, 2, 3}), SampleSummary.of(new double[] {3, 4, 5}));
        assertEquals(2.0, e.difference(), 1e-15);
        assertEquals(1.0, e.relativeLift(), 1e-15);
        assertEquals(2.0, e.cohensD(), 1e-15);
        EffectSize zero = EffectSize.of(SampleSummary.of(new double[] {0, 0}), SampleSummary.of(new double[] {0, 0}));
        assertNull(zero.relativeLift());
        assertNull(zero.cohensD());
    }

    @Test
    void degenerateSamplesGiveReasonsNotNaN() {
        WelchTTest.Result one = WelchTTest.test(new double[] {1}, new double[] {1, 2});
        assertNull(one.pValue());
        assertTrue(one.reason().contains("at least 2"));
        WelchTTest.Result flat = WelchTTest.test(new double[] {3, 3}, new double[] {5, 5});
        assertNull(flat.pValue());
        assertNotNull(flat.reason());
        ChiSquareTwoProportions.Result none = ChiSquareTwoProportions.test(new TwoByTwo(0, 10, 0, 12), true);
        assertNull(none.pValue());
        assertNotNull(none.reason());
        assertEquals(1.0, FisherExactTest.test(new TwoByTwo(0, 10, 0, 12)).pValue(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(11, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleSummary.of(new double[] {1, Double.NaN}));
    }

    @Test
    void largeFisherTablesUseTheDoublePathConsistently() {
        // just above the exact limit, the double path agrees with the chi-square test's order of magnitude
        TwoByTwo t = new TwoByTwo(6_000, 12_000, 5_800, 12_000);
        double fisher = FisherExactTest.test(t).pValue();
        double chi = ChiSquareTwoProportions.test(t, false).pValue();
        assertEquals(chi, fisher, 0.2 * chi);
    }

    @Test
    void sequentialConfidenceSequenceContainsTheEstimate() {
        SequentialTest test = new SequentialTest(0.05, 0.2);
        SequentialTest.Look look = test.look(SampleSummary.of(new double[] {1, 2, 3, 4}),
                SampleSummary.of(new double[] {2, 3, 4, 5}));
        assertTrue(look.lower() < 1 && 1 < look.upper());
        assertTrue(look.pValue() > 0.05 && !look.reject());
        SequentialTest.Look flat = new SequentialTest(0.05, 0.2).look(SampleSummary.of(new double[] {1, 1}),
                SampleSummary.of(new double[] {1, 1}));
        assertNull(flat.likelihoodRatio());
        assertNotNull(flat.reason());
    }
}
