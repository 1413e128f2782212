package dev.argus.core.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range and dimension filters of an analytics query. The range is half-open and aligned to
 * whole minutes, the granularity of the rollups.
 *
 * @param from     inclusive start
 * @param to       exclusive end
 * @param provider provider, or {@code null} for all
 * @param model    model, or {@code null} for all
 * @param prompt   prompt name, or {@code null} for all
 */
public record AnalyticsFilter(Instant from, Instant to, String provider, String model, String prompt) {

    /** The range's length. */
    public Duration length() {
        return Duration.between(from, to);
    }

    /** The same filters over another range. */
    public AnalyticsFilter withRange(Instant newFrom, Instant newTo) {
        return new AnalyticsFilter(newFrom, newTo, provider, model, prompt);
    }

    /** The previous range of equal length, ending where this one starts. */
    public AnalyticsFilter previous() {
        return withRange(from.minus(length()), from);
    }
}
