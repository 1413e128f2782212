package dev.argus.core.stats;

/** A test result with a p-value that may be missing when the test is undefined for the data. */
public interface PValued {

    /** The p-value, or {@code null} with a {@link #reason()}. */
    Double pValue();

    /** Why the p-value is missing, or {@code null}. */
    String reason();
}
