package dev.argus.core.server;

import dev.argus.core.storage.DatabaseOutage;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.exception.DataAccessException;

/**
 * Every 4xx and 5xx leaves the server as the JSON error envelope — from handlers, from unexpected
 * exceptions (logged with an incident id, never shown), and from Helidon's own protocol errors.
 */
public final class ErrorMapping {

    /**
     * SQL states of text PostgreSQL refuses to store (a NUL character in text or JSONB). The database
     * finds them anyway, inside the transaction the error rolls back, so requests are not scanned twice.
     */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    /** Registers handlers for exceptions thrown by routes. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> {
            e.headers().forEach(res::header);
            Json.send(res, e.status(), ErrorBody.of(e.code(), e.getMessage(), e.details()));
        });
        // Helidon's own routes (static content) signal outcomes with HttpException: a 304 for a matching
        // If-None-Match is an answer, not an error; its 4xx keep their status in the JSON envelope
        routing.error(HttpException.class, (req, res, e) -> {
            Status status = e.status();
            if (status.code() < 400) {
                res.status(status).send();
            } else if (status.code() < 500) {
                Json.send(res, status, ErrorBody.of(status.reasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'),
                        e.getMessage(), Map.of()));
            } else {
                internalError(req, res, e);
            }
        });
        routing.error(DataAccessException.class, (req, res, e) -> {
            if (UNSTORABLE_TEXT.contains(e.sqlState())) {
                Json.send(res, Status.BAD_REQUEST_400, ErrorBody.of("invalid_text",
                        "text contains a character PostgreSQL cannot store (NUL, U+0000)", Map.of()));
            } else {
                internalError(req, res, e);
            }
        });
        routing.error(Exception.class, ErrorMapping::internalError);
    }

    private static void internalError(ServerRequest req, ServerResponse res, Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.log(System.Logger.Level.WARNING, req.prologue().method() + " " + req.path().path()
                    + ": the database is unreachable (" + e.getMessage() + ")");
            res.header(HeaderNames.create("Retry-After"), "5");
            Json.send(res, Status.SERVICE_UNAVAILABLE_503, ErrorBody.of("database_unavailable",
                    "the database is unreachable; nothing was changed, retry later", Map.of()));
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Unhandled error in " + req.prologue().method() + " "
                + req.path().path() + " (incident " + incident + ")", e);
        Json.send(res, Status.INTERNAL_SERVER_ERROR_500,
                ErrorBody.of("internal_error", "an unexpected error occurred", Map.of("incident", incident)));
    }

    /** Handlers for errors found before routing (bad HTTP, body too large, …). */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, ErrorMapping::direct);
        }
        return builder.build();
    }

    private static DirectHandler.TransportResponse direct(DirectHandler.TransportRequest request,
                                                          DirectHandler.EventType type, Status status,
                                                          io.helidon.http.ServerResponseHeaders headers,
                                                          String message) {
        // Helidon reports some events (e.g. an oversized body) as BAD_REQUEST with a more precise status
        String code = status.code() == 413 ? "payload_too_large"
                : type == DirectHandler.EventType.INTERNAL_ERROR ? "internal_error"
                : status.reasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        String text = type == DirectHandler.EventType.INTERNAL_ERROR || message == null || message.isBlank()
                ? status.reasonPhrase() : message;
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(ErrorBody.of(code, text, Map.of()));
        } catch (Exception e) {
            body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"\",\"details\":{}}}";
        }
        headers.set(HeaderValues.CONTENT_TYPE_JSON);
        headers.remove(HeaderNames.CONTENT_LENGTH);
        return DirectHandler.TransportResponse.builder().status(status).headers(headers)
                .entity(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
