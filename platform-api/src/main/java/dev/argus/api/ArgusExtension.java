package dev.argus.api;

import org.pf4j.ExtensionPoint;

/**
 * Common contract of every Argus extension. Implementations are discovered by PF4J (annotate the
 * class with {@code @org.pf4j.Extension}) or, inside core, by {@link java.util.ServiceLoader}.
 *
 * <p>The host creates one instance per extension, calls {@link #init(PluginContext)} once with the
 * validated configuration, and then may call it from many threads at once: implementations must be
 * thread-safe. New methods are only ever added to this API with a {@code default}, so plugins
 * compiled against an older SPI keep loading.
 */
public interface ArgusExtension extends ExtensionPoint {

    /**
     * The stable identifier of this extension, unique within its kind, lower-case with dashes,
     * e.g. {@code openai} or {@code rouge}. Users refer to the extension by this id.
     */
    String id();

    /** A short human-readable name for the console. */
    default String displayName() {
        return id();
    }

    /** One or two sentences on what the extension does and what it needs. */
    default String description() {
        return "";
    }

    /** The settings this extension accepts; the host validates them before calling {@link #init}. */
    default ConfigSchema configSchema() {
        return ConfigSchema.EMPTY;
    }

    /**
     * Called once before first use, and again when its configuration changes.
     *
     * @param context the validated configuration and the host services this extension may keep
     */
    default void init(PluginContext context) {
    }
}
