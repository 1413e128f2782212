package dev.argus.plugins.rules;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * {@code keywords}: checks which of a list of keywords the answer contains. With {@code mode=all} the
 * score is the share of keywords found; {@code any} passes when one is found; {@code none} scores the
 * share of keywords absent and passes when none is found.
 */
@Extension
public final class KeywordsEvaluator extends RuleEvaluator {

    @Override
    public String id() {
        return "keywords";
    }

    @Override
    public String displayName() {
        return "Keywords";
    }

    @Override
    public String description() {
        return "Which keywords the answer contains: mode all scores the share found (pass when all are), any passes "
                + "when one is found, none scores the share absent (pass when none is found).";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("keywords", Type.STRING, null,
                        "Required: the keywords, a JSON array of strings, or comma-separated text."),
                new ConfigField("mode", Type.ENUM, false, false, "all", "all, any or none of the keywords.",
                        List.of("all", "any", "none")),
                ConfigField.optional("ignore_case", Type.BOOLEAN, "true", "Compare case-insensitively."),
                ConfigField.optional("whole_words", Type.BOOLEAN, "false",
                        "Count a keyword only as a whole word (not inside a longer word)."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        List<String> keywords = TextList.parse(config.get("keywords").orElse(null), "keywords").values();
        boolean ignoreCase = config.getBoolean("ignore_case", true);
        boolean wholeWords = config.getBoolean("whole_words", false);
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String keyword : keywords) {
            String quoted = Pattern.quote(keyword);
            String regex = wholeWords ? "(?<![\\p{L}\\p{N}_])" + quoted + "(?![\\p{L}\\p{N}_])" : quoted;
            int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            (Pattern.compile(regex, flags).matcher(input.output()).find() ? found : missing).add(keyword);
        }
        String mode = config.getString("mode", "all");
        double share = (double) found.size() / keywords.size();
        double value;
        boolean pass;
        switch (mode) {
            case "any" -> {
                pass = !found.isEmpty();
                value = pass ? 1.0 : 0.0;
            }
            case "none" -> {
                pass = found.isEmpty();
                value = 1.0 - share;
            }
            default -> {
                pass = missing.isEmpty();
                value = share;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode);
        details.put("found", found);
        details.put("missing", missing);
        String explanation = found.size() + " of " + keywords.size() + " keyword(s) found"
                + (found.isEmpty() ? "" : ": " + String.join(", ", found));
        return new Score(value, pass ? "pass" : "fail", explanation, details);
    }
}
