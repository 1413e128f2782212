package dev.argus.core.prompts;

import dev.argus.core.server.ApiException;
import java.util.regex.Pattern;

/** The shapes of prompt names and labels, checked at the API boundary. */
final class PromptNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Computed, never stored: the newest version. */
    static final String LATEST = "latest";

    private PromptNames() {
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_request",
                    "name must be 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    static String label(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw ApiException.badRequest("invalid_request",
                    "label must be 1-64 characters of lower-case letters, digits, '.', '_' or '-'");
        }
        if (label.equals(LATEST)) {
            throw ApiException.badRequest("invalid_request", "label 'latest' is reserved: it always means the newest version");
        }
        return label;
    }
}
