package dev.argus.core.plugins;

/** A call into an extension took longer than its limit and was abandoned. */
public final class ExtensionTimeoutException extends RuntimeException {
    public ExtensionTimeoutException(String message) {
        super(message);
    }
}
