package dev.argus.core.evaluation.builtin;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginContext;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Built-in rule: 1 when the answer contains a match of a regular expression (or, inverted, none). */
public final class RegexMatchEvaluator implements Evaluator {

    private volatile Pattern pattern;
    private volatile boolean mustNotMatch;

    @Override
    public String id() {
        return "regex-match";
    }

    @Override
    public String displayName() {
        return "Regular expression";
    }

    @Override
    public String description() {
        return "Passes when the answer contains a match of the pattern (or, with must_not_match, contains none).";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("pattern", Type.STRING, ".+", "Java regular expression searched in the answer."),
                ConfigField.optional("must_not_match", Type.BOOLEAN, "false", "Pass only when nothing matches."));
    }

    @Override
    public void init(PluginContext context) {
        try {
            pattern = Pattern.compile(context.config().getString("pattern", ".+"), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern is not a valid regular expression: " + e.getDescription());
        }
        mustNotMatch = context.config().getBoolean("must_not_match", false);
    }

    @Override
    public Score evaluate(EvaluationInput input) {
        Pattern p = pattern == null ? Pattern.compile(".+", Pattern.DOTALL) : pattern;
        boolean found = p.matcher(input.output()).find();
        boolean pass = found != mustNotMatch;
        return Score.passFail(pass, (found ? "pattern found" : "pattern not found") + ": " + p.pattern());
    }
}
