package dev.argus.core.evaluation.builtin;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import java.util.Locale;
import java.util.Set;

/** Built-in rule: 1 when the answer equals the reference (optionally ignoring case and surrounding space). */
public final class ExactMatchEvaluator implements Evaluator {

    private volatile boolean ignoreCase = true;

    @Override
    public String id() {
        return "exact-match";
    }

    @Override
    public String displayName() {
        return "Exact match";
    }

    @Override
    public String description() {
        return "Passes when the answer equals the reference answer; surrounding whitespace is ignored.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(ConfigField.optional("ignore_case", Type.BOOLEAN, "true", "Compare case-insensitively."));
    }

    @Override
    public void init(PluginContext context) {
        ignoreCase = context.config().getBoolean("ignore_case", true);
    }

    @Override
    public Set<Requirement> requirements() {
        return Set.of(Requirement.REFERENCE);
    }

    @Override
    public Score evaluate(EvaluationInput input) {
        String reference = input.referenceText()
                .orElseThrow(() -> new IllegalArgumentException("exact-match needs a reference answer"));
        String output = input.output().strip();
        String expected = reference.strip();
        boolean equal = ignoreCase ? output.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))
                : output.equals(expected);
        return Score.passFail(equal, equal ? "answer equals the reference" : "answer differs from the reference");
    }
}
