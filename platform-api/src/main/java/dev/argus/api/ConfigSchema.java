package dev.argus.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings an extension accepts, in the order the console shows them.
 *
 * @param fields the settings; names are unique
 */
public record ConfigSchema(List<ConfigField> fields) {

    /** A schema without settings. */
    public static final ConfigSchema EMPTY = new ConfigSchema(List.of());

    /** Copies the list and rejects duplicate names. */
    public ConfigSchema {
        fields = List.copyOf(fields);
        Set<String> names = fields.stream().map(ConfigField::name).collect(Collectors.toSet());
        if (names.size() != fields.size()) {
            throw new IllegalArgumentException("duplicate field names in config schema");
        }
    }

    /** A schema of the given fields. */
    public static ConfigSchema of(ConfigField... fields) {
        return new ConfigSchema(List.of(fields));
    }

    /**
     * Validates raw settings: unknown keys, missing required values and values of the wrong type.
     *
     * @return one message per problem, naming the key; empty when valid
     */
    public List<String> validate(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        Set<String> known = fields.stream().map(ConfigField::name).collect(Collectors.toSet());
        values.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add("unknown setting " + k));
        for (ConfigField field : fields) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required() && field.defaultValue() == null) {
                    problems.add(field.name() + " is required");
                }
            } else {
                field.check(value).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /**
     * Validates and applies defaults.
     *
     * @throws IllegalArgumentException listing every problem when the values are invalid
     */
    public PluginConfig bind(Map<String, String> values) {
        List<String> problems = validate(values);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<String, String> bound = new HashMap<>();
        for (ConfigField field : fields) {
            String value = values.get(field.name());
            if (value != null && !value.isBlank()) {
                bound.put(field.name(), value.trim());
            } else if (field.defaultValue() != null) {
                bound.put(field.name(), field.defaultValue());
            }
        }
        return new PluginConfig(bound);
    }
}
