package dev.argus.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An answer from Argus.
 *
 * @param method the request's method
 * @param path   the request's path
 * @param status the HTTP status
 * @param body   the body as text
 */
public record ApiResponse(String method, String path, int status, String body) {

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return ArgusClient.JSON.readTree(body.isEmpty() ? "null" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " answered " + status + " with a body that is not JSON: "
                    + body, e);
        }
    }

    /**
     * The body as JSON, after checking the status is 2xx.
     *
     * @throws AssertionError naming the request, status and body otherwise
     */
    public JsonNode ok() {
        if (status < 200 || status > 299) {
            throw new AssertionError(method + " " + path + " answered " + status + ": " + body);
        }
        return json();
    }

    /** The {@code error.code} of an error answer, or an empty string. */
    public String errorCode() {
        try {
            return json().path("error").path("code").asText("");
        } catch (UncheckedIOException e) {
            return "";
        }
    }
}
