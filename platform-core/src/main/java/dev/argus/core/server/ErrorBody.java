package dev.argus.core.server;

import java.util.Map;

/**
 * The API's error envelope.
 *
 * @param error the error
 */
public record ErrorBody(Detail error) {

    /**
     * @param code    a stable machine-readable code, e.g. {@code invalid_request}
     * @param message what went wrong, for people
     * @param details further structured information, possibly empty
     */
    public record Detail(String code, String message, Map<String, Object> details) {
    }

    public static ErrorBody of(String code, String message, Map<String, Object> details) {
        return new ErrorBody(new Detail(code, message, details == null ? Map.of() : details));
    }
}
