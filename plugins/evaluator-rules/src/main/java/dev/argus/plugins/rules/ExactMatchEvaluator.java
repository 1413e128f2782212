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
import java.util.Set;
import org.pf4j.Extension;

/** {@code exact_match}: passes when the answer equals the reference, after the chosen normalisation. */
@Extension
public final class ExactMatchEvaluator extends RuleEvaluator {

    @Override
    public String id() {
        return "exact_match";
    }

    @Override
    public String displayName() {
        return "Exact match";
    }

    @Override
    public String description() {
        return "1 when the answer equals the reference (by default after trimming surrounding whitespace), else 0.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("ignore_case", Type.BOOLEAN, "false", "Compare case-insensitively."),
                ConfigField.optional("trim", Type.BOOLEAN, "true", "Ignore whitespace around the texts."),
                ConfigField.optional("collapse_whitespace", Type.BOOLEAN, "false",
                        "Treat every run of whitespace as one space."));
    }

    @Override
    public Set<Requirement> requirements() {
        return Set.of(Requirement.REFERENCE);
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        String reference = input.referenceText()
                .orElseThrow(() -> new IllegalArgumentException("exact_match needs a reference"));
        String answer = normalise(input.output(), config);
        String expected = normalise(reference, config);
        boolean equal = answer.equals(expected);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matched", equal);
        return verdict(equal, equal ? "the answer equals the reference" : "the answer differs from the reference",
                details);
    }

    private static String normalise(String text, PluginConfig config) {
        String result = text;
        if (config.getBoolean("collapse_whitespace", false)) {
            result = result.replaceAll("\\s+", " ");
        }
        if (config.getBoolean("trim", true)) {
            result = result.strip();
        }
        if (config.getBoolean("ignore_case", false)) {
            result = result.toLowerCase(Locale.ROOT);
        }
        return result;
    }
}
