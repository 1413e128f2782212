package dev.argus.core.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's cards: each value over the range, its relative change against the previous range
 * of equal length, and the direction of that change.
 */
final class DashboardCards {

    /** Relative changes smaller than this (1 %) count as stable. */
    static final double STABLE_WITHIN = 0.01;

    private DashboardCards() {
    }

    /**
     * The {@code cards} object for the current and previous rows and mean evaluation scores
     * ({@code null} when no score was given in that range).
     */
    static Map<String, Object> of(List<RollupRow> current, List<RollupRow> previous, Double score,
                                  Double previousScore, Duration length) {
        RollupSums now = sum(current);
        RollupSums before = sum(previous);
        String period = period(length);
        Map<String, Object> cards = new LinkedHashMap<>();
        cards.put("total_requests", card(now.calls, before.calls, period));
        cards.put("avg_latency_ms", card(now.averageLatencyMs(), before.averageLatencyMs(), period));
        cards.put("p95_latency_ms", card(now.latencyQuantile(0.95), before.latencyQuantile(0.95), period));
        cards.put("total_cost_usd", card(plain(now.costUsd), plain(before.costUsd), period));
        cards.put("success_rate", card(now.successRate(), before.successRate(), period));
        cards.put("active_prompts", card(now.prompts.size(), before.prompts.size(), period));
        cards.put("avg_evaluation_score", card(score, previousScore, period));
        return Map.of("cards", cards);
    }

    static RollupSums sum(List<RollupRow> rows) {
        RollupSums sums = new RollupSums();
        rows.forEach(sums::add);
        return sums;
    }

    private static Map<String, Object> card(Number value, Number previous, String period) {
        Double change = null;
        String trend = "stable";
        if (value != null && previous != null) {
            double v = value.doubleValue();
            double p = previous.doubleValue();
            if (p != 0) {
                change = (v - p) / Math.abs(p);
                trend = change > STABLE_WITHIN ? "up" : change < -STABLE_WITHIN ? "down" : "stable";
            } else if (v != 0) {
                trend = v > 0 ? "up" : "down";
            }
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("value", value);
        card.put("change", change);
        card.put("period", period);
        card.put("trend", trend);
        return card;
    }

    /** A range length as the console shows it: {@code 90m}, {@code 24h}, {@code 7d}. */
    static String period(Duration length) {
        long minutes = length.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes + "m";
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
