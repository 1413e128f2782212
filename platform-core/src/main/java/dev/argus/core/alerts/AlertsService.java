package dev.argus.core.alerts;

import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/alerts}: rules, channel configurations (with a test send) and the event history.
 * Viewers read, admins write.
 */
public final class AlertsService implements ApiService {

    private final AlertRules rules;
    private final AlertChannels channels;
    private final AlertEvents events;
    private final Clock clock;

    AlertsService(AlertRules rules, AlertChannels channels, AlertEvents events, Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRules api) {
        Access read = Access.role(ProjectRole.viewer);
        Access write = Access.role(ProjectRole.admin);
        api.get("/rules", read, (req, res) -> Json.ok(res, page(rules.list(Caller.of(req).projectId()))));
        api.post("/rules", write, (req, res) -> Json.send(res, Status.CREATED_201,
                rules.create(Caller.of(req).projectId(), Json.read(req, RuleRequest.class).validated())));
        api.get("/rules/{id}", read, (req, res) -> Json.ok(res,
                rules.find(Caller.of(req).projectId(), id(req)).orElseThrow(() -> ApiException.notFound("rule"))));
        api.put("/rules/{id}", write, (req, res) -> {
            UUID id = id(req);
            RuleRequest body = Json.read(req, RuleRequest.class).validated();
            Json.ok(res, rules.replace(Caller.of(req).projectId(), id, body)
                    .orElseThrow(() -> ApiException.notFound("rule")));
        });
        api.delete("/rules/{id}", write, (req, res) -> {
            if (!rules.delete(Caller.of(req).projectId(), id(req))) {
                throw ApiException.notFound("rule");
            }
            res.status(Status.NO_CONTENT_204).send();
        });
        api.get("/channels", read, (req, res) -> Json.ok(res, page(channels.list(Caller.of(req).projectId()))));
        api.post("/channels", write, (req, res) -> {
            Caller caller = Caller.of(req);
            Json.send(res, Status.CREATED_201, channels.create(caller.projectId(), caller.userId(),
                    Json.read(req, AlertChannels.ChannelRequest.class)));
        });
        api.get("/channels/{id}", read, (req, res) -> Json.ok(res,
                channels.find(Caller.of(req).projectId(), id(req)).orElseThrow(() -> ApiException.notFound("channel"))));
        api.delete("/channels/{id}", write, (req, res) -> {
            if (!channels.delete(Caller.of(req).projectId(), id(req))) {
                throw ApiException.notFound("channel");
            }
            res.status(Status.NO_CONTENT_204).send();
        });
        api.post("/channels/{id}/test", write, this::test);
        api.get("/events", read, this::events);
    }

    /** Sends one test alert through the channel now, without retries, and reports the outcome. */
    private void test(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = id(req);
        ChannelView view = channels.find(caller.projectId(), id).orElseThrow(() -> ApiException.notFound("channel"));
        var channel = channels.instance(caller.projectId(), id).orElseThrow(() -> ApiException.notFound("channel"));
        AlertEvent event = new AlertEvent("test", "Test alert", caller.projectId().toString(), AlertEvent.State.FIRING,
                AlertEvent.Severity.INFO, "Test alert from Argus through channel '" + view.name() + "'", 1, 0,
                clock.instant(), null, Map.of("test", "true"));
        DeliveryResult result;
        try {
            result = channel.deliver(event);
        } catch (RuntimeException e) {
            result = DeliveryResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Json.ok(res, result);
    }

    private void events(ServerRequest req, ServerResponse res) {
        var query = req.query();
        int limit;
        try {
            limit = Integer.parseInt(query.first("limit").orElse("50"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_request", "limit: must be a whole number from 1 to 500");
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("invalid_request", "limit: must be a whole number from 1 to 500");
        }
        UUID ruleId = query.first("rule_id").map(text -> uuid("rule_id", text)).orElse(null);
        Json.ok(res, events.page(Caller.of(req).projectId(), ruleId, limit, query.first("cursor").orElse(null)));
    }

    private static Map<String, Object> page(Object items) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("next_cursor", null);
        return body;
    }

    private static UUID id(ServerRequest req) {
        return uuid("id", req.path().pathParameters().first("id").orElse(""));
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", field + ": '" + text + "' is not a UUID");
        }
    }
}
