package dev.argus.core.gateway;

import dev.argus.api.ErrorCategory;
import java.util.Locale;

/** Sorts an upstream failure into an {@link ErrorCategory} from its HTTP status and the provider's error type. */
final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /**
     * @param status  the HTTP status (0 for an error event inside a 200 stream)
     * @param type    the provider's error type or code, or {@code null}
     * @param message the error message, or {@code null}
     */
    static ErrorCategory classify(int status, String type, String message) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (t.contains("context_length") || m.contains("context length") || m.contains("context window")
                || m.contains("prompt is too long")) {
            return ErrorCategory.CONTEXT_LENGTH;
        }
        if (t.contains("content_filter") || t.contains("content_policy")) {
            return ErrorCategory.CONTENT_FILTER;
        }
        if (t.contains("overloaded")) {
            return ErrorCategory.OVERLOADED;
        }
        if (t.contains("rate_limit") || t.equals("tokens") || t.equals("requests")) {
            return ErrorCategory.RATE_LIMIT;
        }
        if (t.contains("authentication") || t.contains("permission") || t.contains("invalid_api_key")) {
            return ErrorCategory.AUTH;
        }
        return switch (status) {
            case 401, 403 -> ErrorCategory.AUTH;
            case 408, 504 -> ErrorCategory.TIMEOUT;
            case 429 -> ErrorCategory.RATE_LIMIT;
            case 503, 529 -> ErrorCategory.OVERLOADED;
            case 400, 404, 409, 413, 415, 422 -> ErrorCategory.INVALID_REQUEST;
            default -> status >= 500 ? ErrorCategory.SERVER_ERROR
                    : t.contains("invalid_request") ? ErrorCategory.INVALID_REQUEST : ErrorCategory.UNKNOWN;
        };
    }
}
