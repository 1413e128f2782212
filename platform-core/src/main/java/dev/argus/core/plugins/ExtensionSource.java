package dev.argus.core.plugins;

/** Where an extension came from. */
public enum ExtensionSource {
    /** Inside core, found with {@link java.util.ServiceLoader}. */
    BUILTIN,
    /** A PF4J plugin jar from the plugins folder. */
    PLUGIN
}
