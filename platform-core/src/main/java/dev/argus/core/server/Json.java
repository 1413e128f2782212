package dev.argus.core.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;

/**
 * The API's JSON conventions in one place: snake_case names, ISO-8601 times, decimals as numbers,
 * strict limits on nesting, and bad JSON turned into a 400 that names the problem.
 */
public final class Json {

    /** The API's mapper. Records map to snake_case objects. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    /**
     * Reads JSON that the database gives back. PostgreSQL writes JSONB numbers in full ({@code 1e-308}
     * comes back as 309 digits), so data the API accepted must not be held to the request limits.
     */
    public static final ObjectMapper STORED = MAPPER.copy();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(8 * 1024 * 1024).maxNumberLength(64).build());
        STORED.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(Integer.MAX_VALUE).maxNumberLength(200_000).build());
    }

    private Json() {
    }

    /** Sends {@code body} as JSON with the given status. */
    public static void send(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(bytes);
    }

    /** Sends {@code body} as JSON with 200. */
    public static void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    /** Reads the request body as a JSON tree; malformed JSON is a 400. */
    public static JsonNode readTree(ServerRequest req) {
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length == 0) {
            throw ApiException.badRequest("invalid_json", "the request needs a JSON body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Reads the request body into {@code type}; malformed JSON or unknown fields are a 400. */
    public static <T> T read(ServerRequest req, Class<T> type) {
        JsonNode tree = readTree(req);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            if (e.getCause() instanceof ApiException checked) { // a record's constructor named the problem
                throw checked;
            }
            throw ApiException.badRequest("invalid_request", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
