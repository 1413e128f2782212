package dev.argus.plugins.judge;

import dev.argus.plugins.support.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a judge decided, read from its answer. Models wrap the requested JSON in code fences or
 * sentences, or answer with a bare grade, so the reader looks, in order, for: a JSON object with a
 * {@code score} (inside a fence, or anywhere in the text), a bare number ({@code 4}, {@code 4/5}), and
 * {@code "score": 4}-style pairs in JSON too broken to parse (trailing commas, single quotes).
 *
 * @param rawScore    the grade as the judge gave it, on the rubric's scale
 * @param label       the judge's label, or {@code null}
 * @param explanation the judge's reason, or {@code null}
 */
record Verdict(double rawScore, String label, String explanation) {

    private static final int MAX_LABEL = 100;
    private static final int MAX_EXPLANATION = 4000;
    private static final int MAX_OBJECTS = 50;

    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern BARE = Pattern.compile("^\\s*(?:\\*\\*)?(" + NUMBER + ")(?:\\s*/\\s*" + NUMBER
            + ")?(?:\\*\\*)?\\s*\\.?\\s*$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(" + NUMBER + ")");
    private static final Pattern LOOSE_SCORE = Pattern.compile(
            "[\"']?\\bscore\\b[\"']?\\s*[:=]\\s*[\"']?(" + NUMBER + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOSE_LABEL = Pattern.compile(
            "[\"']?\\blabel\\b[\"']?\\s*[:=]\\s*(?:\"([^\"\\n]*)\"|'([^'\\n]*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOSE_EXPLANATION = Pattern.compile(
            "[\"']?\\bexplanation\\b[\"']?\\s*[:=]\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)')",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Trims the texts and bounds their length. */
    Verdict {
        label = clip(label, MAX_LABEL);
        explanation = clip(explanation, MAX_EXPLANATION);
    }

    /**
     * Reads a judge's answer.
     *
     * @throws UnusableAnswerException when it holds no finite score
     */
    static Verdict read(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new UnusableAnswerException("it is empty", answer);
        }
        List<String> places = new ArrayList<>();
        Matcher fence = FENCE.matcher(answer);
        while (fence.find()) {
            places.add(fence.group(1));
        }
        places.add(answer);
        for (String place : places) {
            Verdict found = fromJsonObject(place, answer);
            if (found != null) {
                return found;
            }
        }
        for (String place : places) {
            Matcher bare = BARE.matcher(place);
            if (bare.matches()) {
                return new Verdict(finite(new BigDecimal(bare.group(1)).doubleValue(), answer), null, null);
            }
        }
        Matcher score = LOOSE_SCORE.matcher(answer);
        if (score.find()) {
            return new Verdict(finite(new BigDecimal(score.group(1)).doubleValue(), answer),
                    loose(LOOSE_LABEL, answer), unescape(loose(LOOSE_EXPLANATION, answer)));
        }
        throw new UnusableAnswerException("no score found", answer);
    }

    /** The first JSON object in {@code text} that has a score, or {@code null}. */
    private static Verdict fromJsonObject(String text, String answer) {
        int tried = 0;
        for (int start = text.indexOf('{'); start >= 0 && tried < MAX_OBJECTS; start = text.indexOf('{', start + 1)) {
            int end = matchingBrace(text, start);
            if (end < 0) {
                continue;
            }
            tried++;
            Object parsed;
            try {
                parsed = Json.parse(text.substring(start, end + 1));
            } catch (IllegalArgumentException notJson) {
                continue;
            }
            if (parsed instanceof Map<?, ?> object) {
                Object score = field(object, "score");
                if (score != null) {
                    return new Verdict(number(score, answer), text(field(object, "label")),
                            text(field(object, "explanation")));
                }
            }
        }
        return null;
    }

    /** The index of the brace closing the one at {@code open}, skipping braces inside strings; -1 if none. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A key regardless of case. */
    private static Object field(Map<?, ?> object, String name) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            if (e.getKey() instanceof String key && key.trim().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A JSON number, or a string that starts with one ({@code "4"}, {@code "4/5"}). */
    private static double number(Object score, String answer) {
        if (score instanceof Number n) {
            return finite(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue(), answer);
        }
        if (score instanceof String s) {
            Matcher m = LEADING_NUMBER.matcher(s);
            if (m.find()) {
                return finite(new BigDecimal(m.group(1)).doubleValue(), answer);
            }
        }
        throw new UnusableAnswerException("score is not a number", answer);
    }

    private static double finite(double value, String answer) {
        if (!Double.isFinite(value)) {
            throw new UnusableAnswerException("score is not a finite number", answer);
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : Json.write(value);
    }

    private static String loose(Pattern pattern, String answer) {
        Matcher m = pattern.matcher(answer);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String unescape(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\\n", "\n").replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) + "…" : trimmed;
    }
}
