package dev.argus.plugins.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the JSON Schemas given in settings with networknt's validator, checking each against its
 * dialect's meta-schema first, and keeps the compiled ones for reuse. Schemas may refer only to
 * themselves and the standard meta-schemas bundled with the validator: a {@code $ref} to any other
 * location is refused, so a schema can never make Argus fetch a URL.
 */
final class SchemaCompiler {

    /** The dialects a schema without {@code $schema} may be read as, by setting value. */
    static final Map<String, VersionFlag> DIALECTS = Map.of("2020-12", VersionFlag.V202012, "2019-09", VersionFlag.V201909,
            "7", VersionFlag.V7, "6", VersionFlag.V6, "4", VersionFlag.V4);
    private static final int MAX_CACHED = 256;

    private final Map<VersionFlag, JsonSchemaFactory> factories = new EnumMap<>(VersionFlag.class);
    private final Map<VersionFlag, JsonSchema> metaSchemas = new EnumMap<>(VersionFlag.class);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    SchemaCompiler() {
        for (VersionFlag flag : DIALECTS.values()) {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(flag, builder -> builder.schemaLoaders(loaders ->
                    loaders.add(iri -> {
                        if (iri.toString().startsWith("classpath:")) {
                            return null; // a bundled meta-schema: the validator's own class-path loader reads it
                        }
                        throw new IllegalArgumentException("$ref to " + iri + " is not allowed: a schema may refer "
                                + "only to itself and the standard meta-schemas");
                    })));
            factories.put(flag, factory);
            metaSchemas.put(flag, factory.getSchema(SchemaLocation.of(flag.getId()), config));
        }
    }

    /**
     * The compiled schema of a setting.
     *
     * @param text    the schema as JSON text
     * @param dialect the dialect when the schema names none ({@code 2020-12}, {@code 2019-09}, {@code 7}, …)
     * @throws IllegalArgumentException naming {@code schema} when it is not JSON, not a valid schema, or refers elsewhere
     */
    JsonSchema compile(String text, String dialect) {
        String key = dialect + "\n" + text;
        JsonSchema cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode node;
        try {
            node = JsonAnswer.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema: not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject() && !node.isBoolean()) {
            throw new IllegalArgumentException("schema: must be a JSON object (or true/false)");
        }
        VersionFlag flag = flagOf(node, dialect);
        Set<ValidationMessage> problems = metaSchemas.get(flag).validate(node);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("schema: not a valid " + flag.getId() + " schema: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted().limit(5).toList());
        }
        JsonSchema schema;
        try {
            schema = factories.get(flag).getSchema(node, config);
            schema.initializeValidators();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema: cannot be compiled: " + rootMessage(e), e);
        }
        if (compiled.size() >= MAX_CACHED) {
            compiled.clear();
        }
        compiled.put(key, schema);
        return schema;
    }

    private static VersionFlag flagOf(JsonNode schema, String dialect) {
        JsonNode declared = schema.path("$schema");
        if (declared.isTextual()) {
            String iri = declared.asText().replaceAll("#$", "");
            for (VersionFlag flag : DIALECTS.values()) {
                if (flag.getId().replaceAll("#$", "").equals(iri)
                        || flag.getId().replaceAll("#$", "").replace("https://", "http://").equals(iri)) {
                    return flag;
                }
            }
            throw new IllegalArgumentException("schema: $schema " + declared.asText() + " is not one of the supported "
                    + "dialects (" + List.copyOf(DIALECTS.keySet()) + ")");
        }
        VersionFlag flag = DIALECTS.get(dialect);
        if (flag == null) {
            throw new IllegalArgumentException("dialect must be one of " + DIALECTS.keySet());
        }
        return flag;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
