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
import java.util.Optional;
import org.pf4j.Extension;

/** {@code length}: passes when the answer's length in characters and words lies within the given bounds. */
@Extension
public final class LengthEvaluator extends RuleEvaluator {

    @Override
    public String id() {
        return "length";
    }

    @Override
    public String displayName() {
        return "Length bounds";
    }

    @Override
    public String description() {
        return "1 when the answer has between min and max characters (Unicode code points) and words "
                + "(whitespace-separated), for each bound given; else 0.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.optional("min_chars", Type.INTEGER, null, "Fewest characters."),
                ConfigField.optional("max_chars", Type.INTEGER, null, "Most characters."),
                ConfigField.optional("min_words", Type.INTEGER, null, "Fewest words."),
                ConfigField.optional("max_words", Type.INTEGER, null, "Most words."));
    }

    @Override
    public Score evaluate(EvaluationInput input, PluginConfig config) {
        Optional<Long> minChars = bound(config, "min_chars");
        Optional<Long> maxChars = bound(config, "max_chars");
        Optional<Long> minWords = bound(config, "min_words");
        Optional<Long> maxWords = bound(config, "max_words");
        if (minChars.isEmpty() && maxChars.isEmpty() && minWords.isEmpty() && maxWords.isEmpty()) {
            throw new IllegalArgumentException("length needs at least one of min_chars, max_chars, min_words, max_words");
        }
        order(minChars, maxChars, "chars");
        order(minWords, maxWords, "words");
        String answer = input.output();
        long chars = answer.codePointCount(0, answer.length());
        String stripped = answer.strip();
        long words = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
        List<String> violations = new ArrayList<>();
        minChars.filter(min -> chars < min).ifPresent(min -> violations.add(chars + " characters, fewer than " + min));
        maxChars.filter(max -> chars > max).ifPresent(max -> violations.add(chars + " characters, more than " + max));
        minWords.filter(min -> words < min).ifPresent(min -> violations.add(words + " words, fewer than " + min));
        maxWords.filter(max -> words > max).ifPresent(max -> violations.add(words + " words, more than " + max));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("chars", chars);
        details.put("words", words);
        details.put("violations", violations);
        boolean pass = violations.isEmpty();
        return verdict(pass, pass ? chars + " characters and " + words + " words, within the bounds"
                : String.join("; ", violations), details);
    }

    private static Optional<Long> bound(PluginConfig config, String name) {
        Optional<Long> value = config.get(name).map(Long::parseLong);
        if (value.isPresent() && value.get() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    private static void order(Optional<Long> min, Optional<Long> max, String unit) {
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new IllegalArgumentException("min_" + unit + " (" + min.get() + ") is greater than max_" + unit
                    + " (" + max.get() + ")");
        }
    }
}
