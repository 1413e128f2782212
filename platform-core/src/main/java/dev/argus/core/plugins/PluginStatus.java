package dev.argus.core.plugins;

import java.util.List;

/**
 * A plugin jar as the host sees it, loaded or not.
 *
 * @param id          the plugin id from its manifest, or the jar name when the manifest is unreadable
 * @param version     the plugin's version, or {@code null}
 * @param requires    the SPI range it declares, or {@code null}
 * @param state       {@code started}, {@code failed}, {@code disabled} or {@code invalid}
 * @param source      {@code builtin} or {@code plugin}
 * @param jar         the jar's file name, or {@code null} for built-ins
 * @param description the manifest's description
 * @param error       why it is not started, or {@code null}
 * @param extensions  the extensions it contributes
 */
public record PluginStatus(String id, String version, String requires, String state, String source, String jar,
                           String description, String error, List<ExtensionStatus> extensions) {

    /**
     * One extension of a plugin.
     *
     * @param id      the extension id
     * @param kind    {@code provider}, {@code evaluator}, {@code exporter} or {@code alert_channel}
     * @param name    its display name
     * @param state    {@code active}, {@code misconfigured} or {@code suspended}
     * @param problem  why it is not active, or {@code null}
     * @param calls    calls made into it since it was loaded
     * @param faults   calls that failed unexpectedly or timed out
     * @param timeouts calls abandoned for taking too long
     */
    public record ExtensionStatus(String id, String kind, String name, String state, String problem, long calls,
                                  long faults, long timeouts) {
    }
}
