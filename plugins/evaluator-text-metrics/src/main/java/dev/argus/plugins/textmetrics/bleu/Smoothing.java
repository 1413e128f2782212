package dev.argus.plugins.textmetrics.bleu;

import java.util.Arrays;
import java.util.List;

/**
 * sacrebleu's smoothing methods (Chen and Cherry, WMT 2014), with their default values.
 */
public enum Smoothing {
    /** No smoothing: a zero n-gram precision makes the score 0. */
    NONE("none", null),
    /** Method 1: a zero count is replaced by {@code smooth_value} (default 0.1). */
    FLOOR("floor", 0.1),
    /** Method 2: {@code smooth_value} (default 1) is added to counts and totals of orders 2 and up. */
    ADD_K("add-k", 1.0),
    /** Method 3, NIST's (mteval-v13a): the k-th zero precision becomes {@code 1 / (2^k * total)}. */
    EXP("exp", null);

    private final String wireName;
    private final Double defaultValue;

    Smoothing(String wireName, Double defaultValue) {
        this.wireName = wireName;
        this.defaultValue = defaultValue;
    }

    /** The name sacrebleu uses. */
    public String wireName() {
        return wireName;
    }

    /** The value used when none is given, or {@code null} when the method takes none. */
    public Double defaultValue() {
        return defaultValue;
    }

    /** sacrebleu's names, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Smoothing::wireName).toList();
    }

    /**
     * The method sacrebleu calls {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Smoothing named(String name) {
        for (Smoothing s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("smooth_method must be one of " + names());
    }
}
