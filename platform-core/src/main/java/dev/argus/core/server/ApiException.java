package dev.argus.core.server;

import io.helidon.http.Status;
import java.util.Map;

/**
 * An error the API reports to the caller as {@code {"error":{"code","message","details"}}}.
 * Throw it from any handler; the error mapping turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(Status status, String code, String message, Map<String, Object> details,
                        Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
        this.headers = headers == null ? Map.of() : headers;
    }

    public ApiException(Status status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST_400, code, message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", what + " not found");
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
