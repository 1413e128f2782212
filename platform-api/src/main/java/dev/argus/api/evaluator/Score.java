package dev.argus.api.evaluator;

import java.util.Map;

/**
 * The result of one evaluation.
 *
 * @param value       the score, by convention in [0, 1] where higher is better
 * @param label       an optional category ({@code pass}, {@code fail}, {@code toxic}, …), or {@code null}
 * @param explanation why the score was given, for people, or {@code null}
 * @param details     further numbers (e.g. precision and recall), JSON-compatible
 */
public record Score(double value, String label, String explanation, Map<String, Object> details) {

    /** Rejects NaN and copies the details. */
    public Score {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("score must be a number");
        }
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A bare score. */
    public static Score of(double value) {
        return new Score(value, null, null, Map.of());
    }

    /** A pass (1.0) or fail (0.0) score with its reason. */
    public static Score passFail(boolean pass, String explanation) {
        return new Score(pass ? 1.0 : 0.0, pass ? "pass" : "fail", explanation, Map.of());
    }
}
