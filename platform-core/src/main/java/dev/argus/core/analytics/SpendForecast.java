package dev.argus.core.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A linear trend fitted to daily totals (ordinary least squares), with Student-t prediction
 * intervals: for a single future day {@code ŷ ± t·s·√(1 + 1/n + (x−x̄)²/Sxx)}, and for a sum of k
 * future days the variance {@code s²·(k + k²/n + (Σ(xⱼ−x̄))²/Sxx)}. A past day is an anomaly when its
 * total falls outside its own prediction interval. Bounds are clamped at zero (spend is never negative).
 */
public final class SpendForecast {

    /** Fewest days a trend is fitted to. */
    public static final int MIN_DAYS = 3;

    /** One day's total. */
    public record Day(LocalDate day, double value) {
    }

    /** A predicted value with its interval. */
    public record Prediction(double value, double lower, double upper) {
    }

    /** A past day with its fitted interval and whether it broke it. */
    public record Checked(LocalDate day, double value, Prediction expected, boolean anomaly) {
    }

    /**
     * The fit and what follows from it.
     *
     * @param slopePerDay    change of the daily total per day
     * @param history        the days fitted, each checked against its interval
     * @param nextDays       one prediction per day after the last history day
     * @param remainingMonth sum predicted from the day after the last history day to the end of that
     *                       day's month
     * @param next30Days     sum predicted over the next 30 days
     */
    public record Result(double slopePerDay, List<Checked> history, List<Prediction> nextDays,
                         Prediction remainingMonth, Prediction next30Days) {
    }

    private SpendForecast() {
    }

    /**
     * Fits {@code days} (consecutive, oldest first, at least {@link #MIN_DAYS}) and predicts forward.
     *
     * @param confidence interval coverage, e.g. 0.95
     */
    public static Result fit(List<Day> days, double confidence, int horizonDays) {
        if (days.size() < MIN_DAYS) {
            throw new IllegalArgumentException("at least " + MIN_DAYS + " days are needed, got " + days.size());
        }
        LocalDate origin = days.getFirst().day();
        SimpleRegression ols = new SimpleRegression();
        for (Day d : days) {
            ols.addData(ChronoUnit.DAYS.between(origin, d.day()), d.value());
        }
        int n = days.size();
        double s = Math.sqrt(Math.max(0, ols.getMeanSquareError()));
        if (Double.isNaN(s)) {
            s = 0;
        }
        double sxx = ols.getXSumSquares();
        double xbar = days.stream().mapToLong(d -> ChronoUnit.DAYS.between(origin, d.day())).average().orElse(0);
        double t = new TDistribution(Math.max(1, n - 2)).inverseCumulativeProbability(0.5 + confidence / 2);

        List<Checked> history = new ArrayList<>();
        for (Day d : days) {
            double x = ChronoUnit.DAYS.between(origin, d.day());
            Prediction p = single(ols, s, t, n, sxx, xbar, x);
            history.add(new Checked(d.day(), d.value(), p, d.value() < p.lower() || d.value() > p.upper()));
        }
        LocalDate last = days.getLast().day();
        double lastX = ChronoUnit.DAYS.between(origin, last);
        List<Prediction> next = new ArrayList<>();
        for (int i = 1; i <= horizonDays; i++) {
            next.add(single(ols, s, t, n, sxx, xbar, lastX + i));
        }
        LocalDate first = last.plusDays(1);
        int toMonthEnd = first.lengthOfMonth() - first.getDayOfMonth() + 1;
        return new Result(ols.getSlope(), history, next, sum(ols, s, t, n, sxx, xbar, lastX, toMonthEnd),
                sum(ols, s, t, n, sxx, xbar, lastX, 30));
    }

    private static Prediction single(SimpleRegression ols, double s, double t, int n, double sxx, double xbar,
                                     double x) {
        double y = ols.predict(x);
        double half = t * s * Math.sqrt(1 + 1.0 / n + (sxx == 0 ? 0 : (x - xbar) * (x - xbar) / sxx));
        return new Prediction(Math.max(0, y), Math.max(0, y - half), Math.max(0, y + half));
    }

    private static Prediction sum(SimpleRegression ols, double s, double t, int n, double sxx, double xbar,
                                  double lastX, int k) {
        double total = 0;
        double offsets = 0;
        for (int j = 1; j <= k; j++) {
            total += Math.max(0, ols.predict(lastX + j));
            offsets += lastX + j - xbar;
        }
        double variance = s * s * (k + (double) k * k / n + (sxx == 0 ? 0 : offsets * offsets / sxx));
        double half = t * Math.sqrt(variance);
        return new Prediction(total, Math.max(0, total - half), total + half);
    }
}
