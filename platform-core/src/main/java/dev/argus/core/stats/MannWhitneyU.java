package dev.argus.core.stats;

import java.util.Locale;

/**
 * The Mann-Whitney U test as SciPy's {@code mannwhitneyu} defines it: U1 is the statistic of the
 * first sample, the two-sided test uses max(U1, U2), the normal approximation carries the tie
 * correction and optionally the continuity correction, and {@link Method#AUTO} picks the exact
 * distribution when the smaller sample has at most 8 values and there are no ties.
 */
public final class MannWhitneyU {

    /** How the p-value is computed. */
    public enum Method {
        /** Exact when min(n1, n2) &lt;= 8 and no ties, else asymptotic (SciPy's default). */
        AUTO,
        /** The exact null distribution (no ties allowed). */
        EXACT,
        /** Normal approximation with tie correction. */
        ASYMPTOTIC;

        /** Parses {@code auto}, {@code exact} or {@code asymptotic}. */
        public static Method parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "exact" -> EXACT;
                case "asymptotic" -> ASYMPTOTIC;
                default -> throw new IllegalArgumentException("must be auto, exact or asymptotic");
            };
        }
    }

    /** Largest smaller-sample size for which {@link Method#AUTO} uses the exact distribution. */
    public static final int AUTO_EXACT_LIMIT = 8;

    /**
     * @param u1         U statistic of the first sample
     * @param u2         n1·n2 − U1
     * @param z          the normal deviate when the asymptotic method was used, else {@code null}
     * @param pValue     p-value, or {@code null} when undefined
     * @param method     {@code exact} or {@code asymptotic}
     * @param continuity whether the continuity correction was applied (asymptotic only)
     * @param reason     why the p-value is undefined (or, with a p-value, why it is trivial), or {@code null}
     */
    public record Result(double u1, double u2, Double z, Double pValue, String method, boolean continuity,
                         String reason) implements PValued {
    }

    private MannWhitneyU() {
    }

    /** SciPy's default: two-sided, automatic method, continuity correction. */
    public static Result test(double[] a, double[] b) {
        return test(a, b, Alternative.TWO_SIDED, Method.AUTO, true);
    }

    /** Runs the test. */
    public static Result test(double[] a, double[] b, Alternative alternative, Method method, boolean continuity) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        SampleSummary.of(a);
        SampleSummary.of(b);
        int n1 = a.length;
        int n2 = b.length;
        double[] pooled = new double[n1 + n2];
        System.arraycopy(a, 0, pooled, 0, n1);
        System.arraycopy(b, 0, pooled, n1, n2);
        Ranks ranks = Ranks.of(pooled);
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks.ranks()[i];
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double u = switch (alternative) {
            case TWO_SIDED -> Math.max(u1, u2);
            case GREATER -> u1;
            case LESS -> u2;
        };
        double factor = alternative == Alternative.TWO_SIDED ? 2.0 : 1.0;

        Method chosen = method;
        if (method == Method.AUTO) {
            chosen = Math.min(n1, n2) <= AUTO_EXACT_LIMIT && !ranks.hasTies() ? Method.EXACT : Method.ASYMPTOTIC;
        }
        if (chosen == Method.EXACT) {
            if (ranks.hasTies()) {
                return new Result(u1, u2, null, null, "exact", false,
                        "the exact distribution assumes no ties; use the asymptotic method");
            }
            if (!ExactMannWhitney.feasible(n1, n2)) {
                return new Result(u1, u2, null, null, "exact", false,
                        "samples too large for the exact distribution; use the asymptotic method");
            }
            double p = Math.min(1.0, factor * ExactMannWhitney.of(n1, n2).survival(u));
            return new Result(u1, u2, null, p, "exact", false, null);
        }
        double n = n1 + n2;
        double tieTerm = 0;
        for (int t : ranks.tieSizes()) {
            tieTerm += (double) t * t * t - t;
        }
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            // SciPy: with the continuity correction z = -0.5/0 = -inf and p = 1; without it 0/0 is NaN
            return continuity
                    ? new Result(u1, u2, null, 1.0, "asymptotic", true,
                            "all values are equal: no evidence of a difference")
                    : new Result(u1, u2, null, null, "asymptotic", false,
                            "all values are equal, so the rank statistic has no variance");
        }
        double numerator = u - n1 * (double) n2 / 2.0;
        if (continuity) {
            numerator -= 0.5;
        }
        double z = numerator / Math.sqrt(variance);
        double p = Math.max(0.0, Math.min(1.0, factor * TailProbabilities.normal(z)));
        return new Result(u1, u2, z, p, "asymptotic", continuity, null);
    }
}
