package dev.argus.plugins.judge;

import java.util.List;

/**
 * The range the judge scores on, e.g. 1 to 5; a judge's score is clamped into it and mapped linearly
 * onto 0..1, so the lowest grade is 0 and the highest 1.
 *
 * @param min the worst grade
 * @param max the best grade
 */
record Scale(int min, int max) {

    /** The scales the {@code scale} setting offers, by name. */
    static final List<String> NAMES = List.of("1-5", "1-3", "1-10", "0-1", "0-10", "0-100");

    /** Requires {@code min < max}. */
    Scale {
        if (min >= max) {
            throw new IllegalArgumentException("scale: the lowest grade must be below the highest");
        }
    }

    /**
     * Parses {@code <min>-<max>}, e.g. {@code 1-5}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Scale parse(String name) {
        String[] parts = name == null ? new String[0] : name.trim().split("-");
        try {
            if (parts.length == 2) {
                return new Scale(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("scale must be one of " + NAMES + ", got '" + name + "'");
    }

    /** Whether a grade lies on the scale. */
    boolean contains(double grade) {
        return grade >= min && grade <= max;
    }

    /** The grade clamped to the scale and mapped onto 0..1. */
    double normalise(double grade) {
        double clamped = Math.max(min, Math.min(max, grade));
        return (clamped - min) / (max - min);
    }

    /** The scale's name, as in the setting. */
    String name() {
        return min + "-" + max;
    }
}
