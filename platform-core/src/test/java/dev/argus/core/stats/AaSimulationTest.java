package dev.argus.core.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Simulated A/A tests (the same version twice) with a look after every batch, as a user checking
 * results daily would: the naive "stop when a t-test says p &lt; 0.05" rule rejects far more often
 * than 5 %, the mSPRT does not. The figures are quoted in docs/STATISTICS.md.
 */
class AaSimulationTest {

    private static final int RUNS = 2_000;
    private static final int LOOKS = 20;
    private static final int BATCH = 25;
    private static final double ALPHA = 0.05;

    record Rates(double naivePeeking, double singleLook, double sequential) {
    }

    static Rates simulate(long seed, DoubleSupplier[] arms) {
        int naive = 0;
        int single = 0;
        int sequential = 0;
        for (int run = 0; run < RUNS; run++) {
            double[] a = new double[LOOKS * BATCH];
            double[] b = new double[LOOKS * BATCH];
            for (int i = 0; i < a.length; i++) {
                a[i] = arms[0].getAsDouble();
                b[i] = arms[1].getAsDouble();
            }
            SequentialTest msprt = new SequentialTest(ALPHA, SequentialTest.DEFAULT_MIXING_EFFECT);
            boolean naiveRejected = false;
            boolean sequentialRejected = false;
            WelchTTest.Result last = null;
            for (int look = 1; look <= LOOKS; look++) {
                double[] seenA = Arrays.copyOf(a, look * BATCH);
                double[] seenB = Arrays.copyOf(b, look * BATCH);
                last = WelchTTest.test(seenA, seenB);
                naiveRejected |= last.pValue() < ALPHA;
                sequentialRejected |= msprt.look(SampleSummary.of(seenA), SampleSummary.of(seenB)).reject();
            }
            naive += naiveRejected ? 1 : 0;
            single += last.pValue() < ALPHA ? 1 : 0;
            sequential += sequentialRejected ? 1 : 0;
        }
        return new Rates((double) naive / RUNS, (double) single / RUNS, (double) sequential / RUNS);
    }

    private static DoubleSupplier[] normalArms(long seed, double shift) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Random gaussian = new java.util.Random(random.nextLong());
        return new DoubleSupplier[] {gaussian::nextGaussian, () -> gaussian.nextGaussian() + shift};
    }

    private static DoubleSupplier[] latencyArms(long seed) {
        java.util.Random gaussian = new java.util.Random(seed);
        // log-normal latencies around 400 ms with a heavy right tail
        return new DoubleSupplier[] {() -> Math.exp(6 + 0.6 * gaussian.nextGaussian()),
                () -> Math.exp(6 + 0.6 * gaussian.nextGaussian())};
    }

    /** Three binomial standard errors around α for 2,000 runs. */
    private static final double SLACK = 3 * Math.sqrt(ALPHA * (1 - ALPHA) / RUNS);

    @Test
    void peekingInflatesTheNaiveTestButNotTheSequentialOneOnNormalData() {
        Rates rates = simulate(1, normalArms(20261128L, 0.0));
        System.out.printf("A/A normal: naive peeking %.4f, single final look %.4f, mSPRT %.4f%n",
                rates.naivePeeking(), rates.singleLook(), rates.sequential());
        assertTrue(Math.abs(rates.singleLook() - ALPHA) <= SLACK, "one look is a fair test: " + rates);
        assertTrue(rates.naivePeeking() > 3 * ALPHA, "peeking at a t-test 20 times inflates errors: " + rates);
        assertTrue(rates.sequential() <= ALPHA + SLACK, "the mSPRT keeps its level under peeking: " + rates);
    }

    @Test
    void sequentialTestKeepsItsLevelOnSkewedLatencies() {
        Rates rates = simulate(2, latencyArms(42L));
        System.out.printf("A/A log-normal latency: naive peeking %.4f, single final look %.4f, mSPRT %.4f%n",
                rates.naivePeeking(), rates.singleLook(), rates.sequential());
        assertTrue(rates.naivePeeking() > 3 * ALPHA, rates.toString());
        assertTrue(rates.sequential() <= ALPHA + SLACK, rates.toString());
    }

    @Test
    void sequentialTestStillFindsARealDifference() {
        Rates rates = simulate(3, normalArms(7L, 0.3));
        System.out.printf("A/B shift d=0.3: naive peeking %.4f, single final look %.4f, mSPRT %.4f%n",
                rates.naivePeeking(), rates.singleLook(), rates.sequential());
        assertTrue(rates.sequential() > 0.8, "power against d = 0.3 with up to 500 per arm: " + rates);
    }
}
