package dev.argus.plugins.rules;

import com.networknt.schema.ValidationMessage;
import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** {@code json_schema}: passes when the answer is JSON that conforms to a JSON Schema. */
@Extension
public final class JsonSchemaEvaluator extends RuleEvaluator {

    private static final int MAX_ERRORS = 20;

    private final SchemaCompiler compiler = new SchemaCompiler();

    @Override
    public String id() {
        return "json_schema";
    }

    @Override
    public String displayName() {
        return "JSON Schema";
    }

    @Override
    public String description() {
        return "1 when the answer is JSON that conforms to the schema (drafts 4, 6, 7, 2019-09, 2020-12; formats "
                + "asserted), else 0; the details list each violation with its JSON Pointer.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("schema", Type.STRING, null,
                        "Required: the JSON Schema, as a JSON object (or its JSON text). $ref may point only inside it."),
                new ConfigField("dialect", Type.ENUM, false, false, "2020-12",
                        "The draft for a schema without $schema.", List.of("2020-12", "2019-09", "7", "6", "4")),
                ConfigField.optional("strip_code_fence", Type.BOOLEAN, "false",
                        "Accept an answer wrapped in a Markdown code fence (```json … ```)."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        String schemaText = config.get("schema")
                .orElseThrow(() -> new IllegalArgumentException("schema: required (a JSON Schema)"));
        var schema = compiler.compile(schemaText, config.getString("dialect", "2020-12"));
        JsonAnswer answer = JsonAnswer.read(input.output(), config.getBoolean("strip_code_fence", false));
        Map<String, Object> details = answer.details();
        if (!answer.valid()) {
            details.put("errors", List.of());
            return verdict(false, answer.problem(), details);
        }
        Set<ValidationMessage> messages = schema.validate(answer.value());
        List<Map<String, Object>> errors = new ArrayList<>();
        messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .limit(MAX_ERRORS)
                .forEach(m -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("path", m.getInstanceLocation().toString());
                    error.put("keyword", m.getType());
                    error.put("message", m.getMessage());
                    errors.add(error);
                });
        details.put("error_count", messages.size());
        details.put("errors", errors);
        boolean pass = messages.isEmpty();
        return verdict(pass, pass ? "the answer conforms to the schema"
                : messages.size() + " schema violation(s), first: " + errors.get(0).get("message"), details);
    }
}
