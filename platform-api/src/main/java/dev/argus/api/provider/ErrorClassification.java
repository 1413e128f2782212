package dev.argus.api.provider;

import dev.argus.api.ErrorCategory;

/** The HTTP-status classification most providers share; providers refine it from the body. */
public final class ErrorClassification {

    private ErrorClassification() {
    }

    /** Maps an HTTP status to its usual category. */
    public static ErrorCategory byStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400, 404, 405, 409, 413, 415, 422 -> ErrorCategory.INVALID_REQUEST;
            case 401, 403 -> ErrorCategory.AUTH;
            case 408, 504 -> ErrorCategory.TIMEOUT;
            case 429 -> ErrorCategory.RATE_LIMIT;
            case 503, 529 -> ErrorCategory.OVERLOADED;
            default -> httpStatus >= 500 ? ErrorCategory.SERVER_ERROR : ErrorCategory.UNKNOWN;
        };
    }
}
