package dev.argus.core.stats;

/**
 * Successes and trials of two groups, i.e. the 2×2 table
 * [[successes_a, failures_a], [successes_b, failures_b]].
 *
 * @param successesA successes in group A
 * @param totalA     trials in group A
 * @param successesB successes in group B
 * @param totalB     trials in group B
 */
public record TwoByTwo(long successesA, long totalA, long successesB, long totalB) {

    /** Checks the counts are consistent. */
    public TwoByTwo {
        if (totalA <= 0 || totalB <= 0) {
            throw new IllegalArgumentException("each group needs at least one trial");
        }
        if (successesA < 0 || successesB < 0 || successesA > totalA || successesB > totalB) {
            throw new IllegalArgumentException("successes must be between 0 and the group's total");
        }
    }

    long failuresA() {
        return totalA - successesA;
    }

    long failuresB() {
        return totalB - successesB;
    }

    /** Success rate of group A. */
    public double rateA() {
        return (double) successesA / totalA;
    }

    /** Success rate of group B. */
    public double rateB() {
        return (double) successesB / totalB;
    }

    long grandTotal() {
        return totalA + totalB;
    }

    long successes() {
        return successesA + successesB;
    }
}
