package dev.argus.plugins.rules;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** {@code contains}: passes when the answer contains a text — the {@code value} setting, else the reference. */
@Extension
public final class ContainsEvaluator extends RuleEvaluator {

    @Override
    public String id() {
        return "contains";
    }

    @Override
    public String displayName() {
        return "Contains";
    }

    @Override
    public String description() {
        return "1 when the answer contains the text given as value (or, without value, the reference), else 0.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("value", Type.STRING, null,
                        "The text to look for; without it, the item's reference is looked for."),
                ConfigField.optional("ignore_case", Type.BOOLEAN, "false", "Compare case-insensitively."),
                ConfigField.optional("negate", Type.BOOLEAN, "false", "Pass only when the text is absent."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        Optional<String> value = config.get("value").filter(v -> !v.isEmpty());
        String needle = value.or(input::referenceText).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException("contains needs the value setting or a non-empty reference"));
        boolean ignoreCase = config.getBoolean("ignore_case", false);
        String haystack = ignoreCase ? input.output().toLowerCase(Locale.ROOT) : input.output();
        int index = haystack.indexOf(ignoreCase ? needle.toLowerCase(Locale.ROOT) : needle);
        boolean negate = config.getBoolean("negate", false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("found", index >= 0);
        details.put("index", index);
        details.put("value_from", value.isPresent() ? "config" : "reference");
        boolean pass = (index >= 0) != negate;
        return verdict(pass, (index >= 0 ? "the answer contains " : "the answer does not contain ")
                + (value.isPresent() ? "the value" : "the reference"), details);
    }
}
