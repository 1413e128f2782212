package dev.argus.plugins.judge;

import dev.argus.api.ErrorCategory;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;

/**
 * The judge answered, but not with a verdict that can be read. It is a {@link ProviderException}
 * (category {@code unknown}) because the fault lies with the judge model's answer, not with the
 * plugin or the input: the host then neither counts it against the plugin's health nor takes it for
 * unscorable input, and the evaluation queue retries the item and dead-letters it after its last
 * attempt, with this message as the item's error.
 */
final class UnusableAnswerException extends ProviderException {

    private static final int EXCERPT = 300;

    /**
     * @param reason what is wrong, e.g. {@code no score}
     * @param answer the judge's answer, quoted (shortened) in the message
     */
    UnusableAnswerException(String reason, String answer) {
        super(ErrorCategory.UNKNOWN, 0, "the judge's answer is not usable (" + reason + "): " + excerpt(answer),
                null, RateLimitSnapshot.NONE, null);
    }

    private static String excerpt(String answer) {
        if (answer == null || answer.isBlank()) {
            return "<empty>";
        }
        String oneLine = answer.strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > EXCERPT ? oneLine.substring(0, EXCERPT) + "…" : oneLine) + "\"";
    }
}
