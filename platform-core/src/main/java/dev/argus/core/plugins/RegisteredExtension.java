package dev.argus.core.plugins;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ExtensionKind;

/**
 * An extension the host can use.
 *
 * @param id        the extension's id, unique within its kind
 * @param kind      which extension point it implements
 * @param version   the version of the jar (or core) that holds it
 * @param pluginId  the owning plugin's id, or {@code argus-core} for built-ins
 * @param source    built-in or plugin
 * @param jar       the plugin jar's file name, or {@code null} for built-ins
 * @param state     {@code active}, or {@code misconfigured} when its settings are invalid
 * @param problem   why it is not active, or {@code null}
 * @param extension the instance, wrapped so every call runs with the plugin's context class loader and is
 *                  bounded by a timeout and a bulkhead
 * @param health    call and fault counts; a suspended extension is not handed out
 */
public record RegisteredExtension(String id, ExtensionKind kind, String version, String pluginId,
                                  ExtensionSource source, String jar, String state, String problem,
                                  ArgusExtension extension, ExtensionHealth health) {

    /** Whether the extension may be used. */
    public boolean active() {
        return "active".equals(state) && !health.suspended();
    }

    /** The state shown to users: {@code active}, {@code misconfigured} or {@code suspended}. */
    public String effectiveState() {
        return health.suspended() && "active".equals(state) ? "suspended" : state;
    }
}
