package dev.argus.plugins.alert.support;

/**
 * What a receiver answered to a POST.
 *
 * @param status the HTTP status
 * @param body   the start of the body (at most {@link JsonPost#BODY_LIMIT} bytes), decoded as UTF-8
 */
public record PostedAnswer(int status, String body) {

    /** Whether the status is 2xx. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The body on one line and cut short, for a delivery detail. */
    public String bodySnippet() {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
