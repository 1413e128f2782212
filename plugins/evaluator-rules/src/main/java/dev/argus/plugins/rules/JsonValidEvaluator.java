package dev.argus.plugins.rules;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** {@code json_valid}: passes when the whole answer is one JSON value (of the required type). */
@Extension
public final class JsonValidEvaluator extends RuleEvaluator {

    @Override
    public String id() {
        return "json_valid";
    }

    @Override
    public String displayName() {
        return "Valid JSON";
    }

    @Override
    public String description() {
        return "1 when the whole answer parses as one strict JSON value (optionally of a given type), else 0; "
                + "the details name the line and column where parsing stopped.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                new ConfigField("require_type", Type.ENUM, false, false, "any",
                        "The JSON type the value must have.", List.of("any", "object", "array")),
                ConfigField.optional("strip_code_fence", Type.BOOLEAN, "false",
                        "Accept an answer wrapped in a Markdown code fence (```json … ```)."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        JsonAnswer answer = JsonAnswer.read(input.output(), config.getBoolean("strip_code_fence", false));
        Map<String, Object> details = answer.details();
        if (!answer.valid()) {
            return verdict(false, answer.problem(), details);
        }
        String required = config.getString("require_type", "any");
        boolean pass = required.equals("any") || required.equals(answer.type());
        return verdict(pass, pass ? "valid JSON " + answer.type() : "valid JSON, but " + answer.type()
                + " instead of " + required, details);
    }
}
