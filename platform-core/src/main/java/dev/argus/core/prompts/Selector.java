package dev.argus.core.prompts;

/** Which version of a prompt a request means. */
public sealed interface Selector {

    /** The version a label points at. */
    record ByLabel(String label) implements Selector {
    }

    /** A version number. */
    record ByVersion(int version) implements Selector {
    }

    /** The newest version. */
    record Latest() implements Selector {
    }
}
