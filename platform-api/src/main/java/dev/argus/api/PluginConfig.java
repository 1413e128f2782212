package dev.argus.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An extension's settings as validated strings keyed by {@link ConfigField#name()}; defaults from
 * the schema are already applied. Typed getters parse the values the schema declared.
 *
 * @param values setting name to value; never {@code null}
 */
public record PluginConfig(Map<String, String> values) {

    /** A configuration without settings. */
    public static final PluginConfig EMPTY = new PluginConfig(Map.of());

    /** Copies the map so the configuration cannot change under the extension. */
    public PluginConfig {
        values = Map.copyOf(values);
    }

    /** The raw value of a setting, if present. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a setting, or {@code fallback} if absent. */
    public String getString(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** An integer setting, or {@code fallback} if absent. */
    public long getLong(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value.trim());
    }

    /** A decimal setting, or {@code fallback} if absent. */
    public double getDouble(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value.trim());
    }

    /** A boolean setting ({@code true}/{@code false}), or {@code fallback} if absent. */
    public boolean getBoolean(String name, boolean fallback) {
        String value = values.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value.trim());
    }

    /** A duration setting in ISO-8601 ({@code PT2S}) or as {@code 250ms}, {@code 2s}, {@code 1m}. */
    public Duration getDuration(String name, Duration fallback) {
        String value = values.get(name);
        return value == null ? fallback : ConfigField.parseDuration(value);
    }
}
