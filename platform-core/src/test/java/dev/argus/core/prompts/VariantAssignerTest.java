package dev.argus.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantAssignerTest {

    private static final List<Experiment.Variant> WEIGHTS = List.of(
            new Experiment.Variant(1, 70), new Experiment.Variant(2, 20), new Experiment.Variant(3, 10));

    @Test
    void followsTheWeightsWithinSamplingErrorOver100kUsers() {
        UUID experiment = UUID.fromString("0e9c6a52-7f7e-4d1c-9d8a-3f1c2b4a5e6f");
        int users = 100_000;
        int[] counts = new int[3];
        for (int u = 0; u < users; u++) {
            counts[VariantAssigner.assign(experiment, "user-" + u, WEIGHTS)]++;
        }
        double chiSquare = 0;
        double[] shares = {0.7, 0.2, 0.1};
        for (int i = 0; i < 3; i++) {
            double expected = users * shares[i];
            // each share within 4.5 binomial standard errors
            double se = Math.sqrt(users * shares[i] * (1 - shares[i]));
            assertTrue(Math.abs(counts[i] - expected) < 4.5 * se, "variant " + i + ": " + counts[i]);
            chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        // chi-square with 2 degrees of freedom: 13.8 is its 99.9th percentile
        assertTrue(chiSquare < 13.8, "goodness of fit " + chiSquare);
    }

    @Test
    void isStickyPerUserAndIndependentAcrossExperiments() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        int same = 0;
        for (int u = 0; u < 2_000; u++) {
            int a = VariantAssigner.assign(first, "u" + u, List.of(new Experiment.Variant(1, 1), new Experiment.Variant(2, 1)));
            assertEquals(a, VariantAssigner.assign(first, "u" + u, List.of(new Experiment.Variant(1, 1), new Experiment.Variant(2, 1))));
            int b = VariantAssigner.assign(second, "u" + u, List.of(new Experiment.Variant(1, 1), new Experiment.Variant(2, 1)));
            same += a == b ? 1 : 0;
        }
        // independent 50/50 splits agree for about half of the users
        assertTrue(same > 850 && same < 1150, "agreements " + same);
        assertNotEquals(VariantAssigner.unitInterval(first, "x"), VariantAssigner.unitInterval(second, "x"));
    }
}
