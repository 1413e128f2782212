package dev.argus.core.prompts;

import dev.argus.core.server.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mustache-style {@code {{variable}}} substitution (whitespace inside the braces is allowed). No
 * logic, no escaping: the text is a prompt, not HTML. A variable missing from the values is an
 * error naming it, never a silent empty string.
 */
public final class Template {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private Template() {
    }

    /** Variable names in order of first appearance. */
    public static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Variables of every message, in order of first appearance. */
    public static Set<String> variables(List<ChatMessage> messages) {
        Set<String> names = new LinkedHashSet<>();
        for (ChatMessage message : messages) {
            names.addAll(variables(message.content()));
        }
        return names;
    }

    /** Substitutes every variable; values that are not strings are written as JSON scalars. */
    public static String render(String text, Map<String, Object> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fails with a 400 naming every variable that has no value. */
    public static void requireAll(Set<String> names, Map<String, Object> values) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!values.containsKey(name) || values.get(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(io.helidon.http.Status.BAD_REQUEST_400, "missing_variables",
                    "variables without a value: " + String.join(", ", missing), Map.of("missing", missing), Map.of());
        }
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw ApiException.badRequest("invalid_request", "variable values must be strings, numbers or booleans");
    }
}
