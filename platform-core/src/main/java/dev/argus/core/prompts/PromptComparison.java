package dev.argus.core.prompts;

import dev.argus.core.stats.HolmCorrection;
import dev.argus.core.stats.PValued;
import dev.argus.core.stats.PowerAnalysis;
import dev.argus.core.stats.ProportionsReport;
import dev.argus.core.stats.TwoByTwo;
import dev.argus.core.stats.TwoSampleReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Compares two or more prompt versions on one metric: the first variant is the baseline, every
 * other is tested against it (Welch's t-test for values, the z-test — or Fisher's exact test when an
 * expected count is below 5 — for success counts), the p-values are Holm-corrected across the
 * comparisons, and a verdict with its reasoning in plain words is given.
 */
public final class PromptComparison {

    /** Above this many extra samples per variant for the observed effect, the effect is called negligible. */
    static final double NEGLIGIBLE_FACTOR = 100;

    /**
     * Settings of one comparison.
     *
     * @param metric         metric name, e.g. {@code latency_ms}
     * @param higherIsBetter direction of improvement
     * @param alpha          family-wise significance level
     * @param power          target power for the sample-size estimate
     * @param minimumEffect  smallest absolute difference worth detecting, or {@code null} to use the observed one
     */
    public record Settings(String metric, boolean higherIsBetter, double alpha, double power, Double minimumEffect) {
    }

    /**
     * The result.
     *
     * @param metric          metric
     * @param kind            {@code continuous} or {@code proportion}
     * @param direction       {@code higher} or {@code lower} is better
     * @param alpha           level
     * @param baselineVersion the version everything is compared with
     * @param variants        per-variant summaries
     * @param comparisons     each challenger against the baseline
     * @param verdict         the decision
     * @param explanation     the reasoning in plain words
     */
    public record Result(String metric, String kind, String direction, double alpha, int baselineVersion,
                         List<Object> variants, List<Comparison> comparisons, Verdict verdict, String explanation) {
    }

    /**
     * @param version            challenger version
     * @param baselineVersion    baseline version
     * @param difference         challenger − baseline (means or rates)
     * @param relativeLift       difference / |baseline|, {@code null} when the baseline is 0
     * @param effectSize         Cohen's d (values) or Cohen's h (counts)
     * @param effectSizeKind     {@code cohens_d} or {@code cohens_h}
     * @param confidenceInterval interval for the difference
     * @param primaryTest        the test that decides: {@code welch}, {@code z_test} or {@code fisher}
     * @param pValue             its p-value, or {@code null} with {@code reason}
     * @param pValueHolm         Holm-adjusted p-value
     * @param significant        whether the adjusted p-value is below α
     * @param better             whether the challenger is better in the metric's direction (by the point estimate)
     * @param reason             why the p-value is missing, or {@code null}
     * @param tests              every test run on this pair
     */
    public record Comparison(int version, int baselineVersion, double difference, Double relativeLift, Double effectSize,
                             String effectSizeKind, Interval confidenceInterval, String primaryTest, Double pValue,
                             Double pValueHolm, boolean significant, boolean better, String reason, Object tests) {
    }

    /**
     * @param lower      lower bound
     * @param upper      upper bound
     * @param confidence level, e.g. 0.95
     * @param method     {@code bootstrap_percentile} or {@code wald}
     */
    public record Interval(double lower, double upper, double confidence, String method) {
    }

    /**
     * @param outcome                    {@code winner}, {@code no_significant_difference} or {@code need_more_samples}
     * @param winnerVersion              the winning version, or {@code null}
     * @param additionalSamplesPerVariant more observations per variant needed, or {@code null}
     */
    public record Verdict(String outcome, Integer winnerVersion, Long additionalSamplesPerVariant) {
    }

    /** Summary of a variant with values. */
    public record ValuesSummary(int version, int n, double mean, Double sd, double median) {
    }

    /** Summary of a variant with counts. */
    public record CountsSummary(int version, long successes, long total, double rate) {
    }

    private PromptComparison() {
    }

    /** Compares {@code variants} (at least two, all values or all counts; the first is the baseline). */
    public static Result compare(List<VariantData> variants, Settings settings) {
        VariantData baseline = variants.getFirst();
        boolean counts = baseline.counts();
        double confidence = 1 - settings.alpha();
        List<Object> summaries = new ArrayList<>();
        List<Comparison> raw = new ArrayList<>();
        List<Object> tests = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (VariantData v : variants) {
            if (counts) {
                summaries.add(new CountsSummary(v.version(), v.successes(), v.total(), (double) v.successes() / v.total()));
            } else {
                TwoSampleReport.Summary s = TwoSampleReport.Summary.of(v.values());
                summaries.add(new ValuesSummary(v.version(), s.n(), s.mean(), s.sd(), s.median()));
            }
        }
        for (VariantData challenger : variants.subList(1, variants.size())) {
            Comparison c = counts ? countsComparison(baseline, challenger, settings, confidence)
                    : valuesComparison(baseline, challenger, settings, confidence);
            raw.add(c);
            pValues.add(c.pValue());
        }
        List<Double> adjusted = HolmCorrection.adjust(pValues);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Comparison c = raw.get(i);
            Double holm = adjusted.get(i);
            comparisons.add(new Comparison(c.version(), c.baselineVersion(), c.difference(), c.relativeLift(),
                    c.effectSize(), c.effectSizeKind(), c.confidenceInterval(), c.primaryTest(), c.pValue(), holm,
                    holm != null && holm < settings.alpha(), c.better(), c.reason(), c.tests()));
        }
        Verdict verdict = verdict(variants, comparisons, settings);
        return new Result(settings.metric(), counts ? "proportion" : "continuous",
                settings.higherIsBetter() ? "higher" : "lower", settings.alpha(), baseline.version(), summaries,
                comparisons, verdict, explain(variants, comparisons, verdict, settings));
    }

    private static Comparison valuesComparison(VariantData base, VariantData ch, Settings s, double confidence) {
        TwoSampleReport.Options d = TwoSampleReport.Options.defaults();
        TwoSampleReport report = TwoSampleReport.of(base.values(), ch.values(), new TwoSampleReport.Options(
                d.alternative(), d.method(), d.continuity(), confidence, d.resamples(), ch.version(), s.alpha(),
                d.mixingEffect()));
        double difference = report.effect().difference();
        return new Comparison(ch.version(), base.version(), difference, report.effect().relativeLift(),
                report.effect().cohensD(), "cohens_d",
                new Interval(report.bootstrap().lower(), report.bootstrap().upper(), confidence, "bootstrap_percentile"),
                "welch", report.welch().pValue(), null, false, better(difference, s), report.welch().reason(), report);
    }

    private static Comparison countsComparison(VariantData base, VariantData ch, Settings s, double confidence) {
        TwoByTwo table = new TwoByTwo(base.successes(), base.total(), ch.successes(), ch.total());
        ProportionsReport report = ProportionsReport.of(table, true, s.alpha());
        double difference = report.effect().difference();
        boolean small = smallestExpected(table) < 5;
        PValued primary = small ? report.fisher() : report.zTest();
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double se = Math.sqrt(table.rateA() * (1 - table.rateA()) / table.totalA()
                + table.rateB() * (1 - table.rateB()) / table.totalB());
        return new Comparison(ch.version(), base.version(), difference, report.effect().relativeLift(),
                report.effect().cohensH(), "cohens_h", new Interval(difference - z * se, difference + z * se, confidence, "wald"),
                small ? "fisher" : "z_test", primary.pValue(), null, false, better(difference, s), primary.reason(), report);
    }

    private static double smallestExpected(TwoByTwo t) {
        double n = t.totalA() + t.totalB();
        double successes = t.successesA() + t.successesB();
        double failures = n - successes;
        return Math.min(Math.min(t.totalA(), t.totalB()) * successes / n, Math.min(t.totalA(), t.totalB()) * failures / n);
    }

    private static boolean better(double difference, Settings s) {
        return s.higherIsBetter() ? difference > 0 : difference < 0;
    }

    private static Verdict verdict(List<VariantData> variants, List<Comparison> comparisons, Settings s) {
        Comparison best = null;
        for (Comparison c : comparisons) {
            if (c.significant() && c.better()
                    && (best == null || Math.abs(c.difference()) > Math.abs(best.difference()))) {
                best = c;
            }
        }
        if (best != null) {
            return new Verdict("winner", best.version(), null);
        }
        boolean baselineBeatsAll = comparisons.stream().allMatch(c -> c.significant() && !c.better());
        if (baselineBeatsAll) {
            return new Verdict("winner", variants.getFirst().version(), null);
        }
        long additional = additionalSamples(variants, comparisons, s);
        return additional > 0 ? new Verdict("need_more_samples", null, additional)
                : new Verdict("no_significant_difference", null, null);
    }

    /** More observations per variant to detect the target effect of every undecided comparison; 0 if none is sensible. */
    private static long additionalSamples(List<VariantData> variants, List<Comparison> comparisons, Settings s) {
        VariantData base = variants.getFirst();
        double alpha = s.alpha() / comparisons.size(); // Holm's first step: conservative
        long most = 0;
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            VariantData ch = variants.get(i + 1);
            if (c.significant()) {
                continue;
            }
            double target = s.minimumEffect() != null ? Math.abs(s.minimumEffect()) : Math.abs(c.difference());
            if (target == 0) {
                continue;
            }
            long required;
            if (base.counts()) {
                double pa = (double) base.successes() / base.total();
                double pb = pa + (c.difference() >= 0 ? target : -target);
                if (pb <= 0 || pb >= 1) {
                    continue;
                }
                required = PowerAnalysis.sampleSizeForProportions(pa, pb, alpha, s.power());
            } else {
                double sdA = sd(base.values());
                double sdB = sd(ch.values());
                if (!(sdA + sdB > 0)) {
                    continue;
                }
                required = PowerAnalysis.sampleSizeForMeans(target, sdA, sdB, alpha, s.power());
            }
            long current = Math.min(base.n(), ch.n());
            if (s.minimumEffect() == null && required > NEGLIGIBLE_FACTOR * Math.max(current, 1)) {
                continue; // the observed difference is too small to chase
            }
            most = Math.max(most, required - current);
        }
        return most;
    }

    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        return dev.argus.core.stats.SampleSummary.of(values).sd();
    }

    private static String explain(List<VariantData> variants, List<Comparison> comparisons, Verdict verdict, Settings s) {
        StringBuilder out = new StringBuilder();
        int baseline = variants.getFirst().version();
        out.append(String.format(Locale.ROOT, "Compared %d challenger%s with baseline version %d on %s (%s is better, α = %s",
                comparisons.size(), comparisons.size() == 1 ? "" : "s", baseline, s.metric(),
                s.higherIsBetter() ? "higher" : "lower", fmt(s.alpha())));
        out.append(comparisons.size() > 1 ? ", Holm-corrected for " + comparisons.size() + " comparisons). " : "). ");
        for (Comparison c : comparisons) {
            out.append(String.format(Locale.ROOT, "Version %d is %s than version %d by %s", c.version(),
                    c.difference() == 0 ? "no different" : (c.difference() > 0 ? "higher" : "lower"), baseline,
                    fmt(Math.abs(c.difference()))));
            if (c.relativeLift() != null) {
                out.append(String.format(Locale.ROOT, " (%+.1f%%)", 100 * c.relativeLift()));
            }
            if (c.pValue() == null) {
                out.append("; the ").append(testName(c.primaryTest())).append(" could not be run: ").append(c.reason()).append(". ");
                continue;
            }
            out.append(String.format(Locale.ROOT, "; %s gives p = %s", testName(c.primaryTest()), fmt(c.pValue())));
            if (comparisons.size() > 1) {
                out.append(String.format(Locale.ROOT, " (%s after correction)", fmt(c.pValueHolm())));
            }
            out.append(c.significant() ? ", which is significant" : ", which is not significant");
            out.append(c.significant() ? (c.better() ? " and better. " : " and worse. ") : ". ");
        }
        switch (verdict.outcome()) {
            case "winner" -> out.append(verdict.winnerVersion() == baseline
                    ? "Every challenger is significantly worse: keep version " + baseline + "."
                    : "Version " + verdict.winnerVersion() + " is the winner.");
            case "need_more_samples" -> out.append(String.format(Locale.ROOT,
                    "No difference is significant yet; about %d more observations per variant would detect %s with %.0f%% power.",
                    verdict.additionalSamplesPerVariant(),
                    s.minimumEffect() != null ? "a difference of " + fmt(Math.abs(s.minimumEffect())) : "the observed difference",
                    100 * s.power()));
            default -> out.append("No significant difference: the data do not show that any version is better, and"
                    + " more data would not be expected to change that for a difference worth having.");
        }
        return out.toString();
    }

    private static String testName(String test) {
        return switch (test) {
            case "welch" -> "Welch's t-test";
            case "fisher" -> "Fisher's exact test";
            default -> "the two-proportion z-test";
        };
    }

    private static String fmt(double value) {
        if (value != 0 && Math.abs(value) < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
