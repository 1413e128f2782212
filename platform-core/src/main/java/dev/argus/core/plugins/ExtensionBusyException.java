package dev.argus.core.plugins;

/** Every call slot of the extension is taken (bulkhead full). */
public final class ExtensionBusyException extends RuntimeException {
    public ExtensionBusyException(String message) {
        super(message);
    }
}
