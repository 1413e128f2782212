package dev.argus.core.auth;

import dev.argus.core.server.ApiException;

/** What a new password must satisfy: long enough to resist guessing, short enough to hash quickly. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Throws a 400 naming {@code field} when {@code password} is not acceptable. */
    public static String check(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw ApiException.badRequest("invalid_request", field + " must have " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters");
        }
        return password;
    }
}
