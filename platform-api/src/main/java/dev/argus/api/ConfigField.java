package dev.argus.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting an extension accepts. The console renders a form from these; the host validates
 * values before enabling the extension.
 *
 * @param name          the key, lower-case with underscores, e.g. {@code api_key}
 * @param type          how the value is parsed
 * @param required      whether a value must be given (a default counts)
 * @param secret        stored encrypted, masked in the API and never logged
 * @param defaultValue  the value used when none is given, or {@code null}
 * @param description   help text for the form
 * @param allowedValues for {@link Type#ENUM}: the permitted values; otherwise empty
 */
public record ConfigField(String name, Type type, boolean required, boolean secret, String defaultValue,
                          String description, List<String> allowedValues) {

    /** Value types a setting may have. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, DURATION, URL, ENUM }

    /** Checks the invariants: a name, a type, and allowed values exactly for enums. */
    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (type == Type.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("enum field " + name + " needs allowed values");
        }
    }

    /** An optional setting. */
    public static ConfigField optional(String name, Type type, String defaultValue, String description) {
        return new ConfigField(name, type, false, false, defaultValue, description, List.of());
    }

    /** A required setting. */
    public static ConfigField required(String name, Type type, String description) {
        return new ConfigField(name, type, true, false, null, description, List.of());
    }

    /** A required secret, e.g. an API key. */
    public static ConfigField secret(String name, String description) {
        return new ConfigField(name, Type.STRING, true, true, null, description, List.of());
    }

    /**
     * Checks one value against this field's type.
     *
     * @return a message naming the problem, or empty when the value is valid
     */
    public Optional<String> check(String value) {
        String v = value.trim();
        try {
            switch (type) {
                case INTEGER -> Long.parseLong(v);
                case NUMBER -> Double.parseDouble(v);
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        return Optional.of(name + " must be true or false");
                    }
                }
                case DURATION -> parseDuration(v);
                case URL -> {
                    URI uri = URI.create(v);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        return Optional.of(name + " must be an absolute URL");
                    }
                }
                case ENUM -> {
                    if (!allowedValues.contains(v)) {
                        return Optional.of(name + " must be one of " + allowedValues);
                    }
                }
                case STRING -> { }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(name + " must be a valid " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Parses {@code PT2S}, {@code 250ms}, {@code 2s}, {@code 5m} or {@code 1h}. */
    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt") || v.startsWith("p")) {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("unknown duration unit in " + value);
        };
    }
}
