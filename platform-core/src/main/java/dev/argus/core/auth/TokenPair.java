package dev.argus.core.auth;

/**
 * What signing in or refreshing answers.
 *
 * @param accessToken  the JWT to send as {@code Authorization: Bearer …}
 * @param refreshToken the opaque token that gets the next pair (single use)
 * @param tokenType    always {@code Bearer}
 * @param expiresIn    seconds the access token is valid for
 */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}
