package dev.argus.core.plugins;

/** The extension was suspended after repeated failures; re-enable the plugin to use it again. */
public final class ExtensionSuspendedException extends RuntimeException {
    public ExtensionSuspendedException(String message) {
        super(message);
    }
}
