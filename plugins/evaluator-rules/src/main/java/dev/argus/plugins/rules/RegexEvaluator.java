package dev.argus.plugins.rules;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pf4j.Extension;

/** {@code regex}: passes when the answer contains a match of a Java regular expression (or matches it whole). */
@Extension
public final class RegexEvaluator extends RuleEvaluator {

    private static final int MAX_SHOWN = 200;

    @Override
    public String id() {
        return "regex";
    }

    @Override
    public String displayName() {
        return "Regular expression";
    }

    @Override
    public String description() {
        return "1 when the answer contains a match of the pattern (Java syntax), or matches it whole with full_match; "
                + "negate passes only when it does not.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("pattern", Type.STRING, null,
                        "Required: a Java regular expression, e.g. \\d{3}-\\d{4}."),
                ConfigField.optional("ignore_case", Type.BOOLEAN, "false", "Match case-insensitively (Unicode)."),
                ConfigField.optional("full_match", Type.BOOLEAN, "false",
                        "The whole answer must match, instead of a part of it."),
                ConfigField.optional("negate", Type.BOOLEAN, "false", "Pass only when the pattern does not match."),
                ConfigField.optional("match_timeout", Type.DURATION, "1s",
                        "Longest a match may run before the answer is reported unscorable."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        String source = config.get("pattern")
                .orElseThrow(() -> new IllegalArgumentException("pattern: required (a regular expression)"));
        int flags = config.getBoolean("ignore_case", false) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern: not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        Duration timeout = config.getDuration("match_timeout", Duration.ofSeconds(1));
        boolean full = config.getBoolean("full_match", false);
        Matcher matcher = pattern.matcher(new DeadlineText(input.output(), System.nanoTime() + timeout.toNanos()));
        boolean matched;
        try {
            matched = full ? matcher.matches() : matcher.find();
        } catch (DeadlineText.TooSlow e) {
            throw new IllegalArgumentException("pattern: matching took longer than " + timeout.toMillis()
                    + " ms on this answer; simplify the pattern");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matched", matched);
        if (matched) {
            String match = matcher.group();
            details.put("match", match.length() > MAX_SHOWN ? match.substring(0, MAX_SHOWN) : match);
            details.put("start", matcher.start());
        }
        boolean pass = matched != config.getBoolean("negate", false);
        return verdict(pass, (matched ? "the answer matches " : "the answer does not match ") + source, details);
    }
}
