package dev.argus.plugins.judge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The labels a judge must choose from, from a comma-separated setting; empty when the judge may
 * label freely. A judge's label matches one regardless of case and of spaces, dashes or underscores
 * between words ({@code "Partially correct"} is {@code partially_correct}).
 *
 * @param allowed the labels as configured, in order, without duplicates
 */
record Labels(List<String> allowed) {

    /** No fixed labels. */
    static final Labels FREE = new Labels(List.of());

    Labels {
        allowed = List.copyOf(allowed);
    }

    /** Parses {@code correct, partially_correct, incorrect}; blank entries are dropped. */
    static Labels parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return FREE;
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                labels.add(part.trim());
            }
        }
        return new Labels(List.copyOf(labels));
    }

    /** Whether the judge must pick one of {@link #allowed()}. */
    boolean fixed() {
        return !allowed.isEmpty();
    }

    /** The configured label the judge's label names, if any. */
    Optional<String> match(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String key = key(label);
        return allowed.stream().filter(a -> key(a).equals(key)).findFirst();
    }

    private static String key(String label) {
        return label.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "_");
    }
}
