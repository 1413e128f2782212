package dev.argus.core.auth;

import dev.argus.core.server.ApiException;
import java.util.regex.Pattern;

/** Light e-mail address validation: one {@code @}, no spaces, a dot in the domain, at most 254 characters. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    /** The trimmed address; a 400 naming {@code field} when it is not one. */
    public static String check(String email, String field) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()) {
            throw ApiException.badRequest("invalid_request", field + " must be an e-mail address");
        }
        return trimmed;
    }
}
