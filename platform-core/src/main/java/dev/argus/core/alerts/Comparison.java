package dev.argus.core.alerts;

import java.util.Arrays;
import java.util.Optional;

/** How a rule compares its metric with the threshold; the rule breaches when the comparison holds. */
public enum Comparison {
    GT("gt"), GTE("gte"), LT("lt"), LTE("lte");

    private final String wireName;

    Comparison(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether {@code value} breaches {@code threshold}. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
        };
    }

    public static Optional<Comparison> of(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
