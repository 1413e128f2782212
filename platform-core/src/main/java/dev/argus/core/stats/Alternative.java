package dev.argus.core.stats;

import java.util.Locale;

/** The alternative hypothesis of a two-sample test, as SciPy names them. */
public enum Alternative {
    /** The two distributions differ. */
    TWO_SIDED,
    /** The first sample tends to be larger. */
    GREATER,
    /** The first sample tends to be smaller. */
    LESS;

    /** Parses {@code two-sided}, {@code greater} or {@code less}. */
    public static Alternative parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "two-sided" -> TWO_SIDED;
            case "greater" -> GREATER;
            case "less" -> LESS;
            default -> throw new IllegalArgumentException("alternative must be two-sided, greater or less");
        };
    }
}
