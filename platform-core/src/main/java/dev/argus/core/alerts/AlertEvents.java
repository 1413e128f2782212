package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.ALERT_DELIVERIES;
import static dev.argus.core.storage.jooq.Tables.ALERT_EVENTS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.Json;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The event history of a project, newest first, with each event's deliveries. */
final class AlertEvents {

    /**
     * One delivery of an event to a channel.
     *
     * @param status   pending, delivered or failed (given up)
     * @param attempts attempts made so far
     * @param detail   the channel's note on the last attempt
     */
    record Delivery(UUID channelId, String status, int attempts, String detail, OffsetDateTime deliveredAt) {
    }

    /** A fired or resolved event with the values that triggered it. */
    record Event(UUID id, UUID ruleId, String ruleName, String state, String severity, String metric, double value,
                 double threshold, JsonNode observed, String message, OffsetDateTime at, List<Delivery> deliveries) {
    }

    /** A page of events. */
    record Page(List<Event> items, String nextCursor) {
    }

    private final DSLContext dsl;

    AlertEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    Page page(UUID projectId, UUID ruleId, int limit, String cursor) {
        List<Condition> where = new ArrayList<>(List.of(ALERT_EVENTS.PROJECT_ID.eq(projectId)));
        if (ruleId != null) {
            where.add(ALERT_EVENTS.RULE_ID.eq(ruleId));
        }
        if (cursor != null) {
            where.add(ALERT_EVENTS.ID.lt(decode(cursor)));
        }
        var rows = dsl.selectFrom(ALERT_EVENTS).where(where).orderBy(ALERT_EVENTS.ID.desc()).limit(limit + 1).fetch();
        boolean more = rows.size() > limit;
        var page = more ? rows.subList(0, limit) : rows;
        List<UUID> ids = page.stream().map(r -> r.getId()).toList();
        Map<UUID, List<Delivery>> deliveries = dsl.selectFrom(ALERT_DELIVERIES)
                .where(ALERT_DELIVERIES.PROJECT_ID.eq(projectId), ALERT_DELIVERIES.EVENT_ID.in(ids))
                .orderBy(ALERT_DELIVERIES.CHANNEL_ID).fetch().stream()
                .collect(Collectors.groupingBy(d -> d.getEventId(), Collectors.mapping(d -> new Delivery(d.getChannelId(),
                        d.getStatus(), d.getAttempts(), d.getDetail(), d.getDeliveredAt()), Collectors.toList())));
        List<Event> items = page.stream().map(r -> new Event(r.getId(), r.getRuleId(), r.getRuleName(), r.getState(),
                r.getSeverity(), r.getMetric(), r.getValue(), r.getThreshold(), tree(r.getObserved().data()),
                r.getMessage(), r.getAt(), deliveries.getOrDefault(r.getId(), List.of()))).toList();
        return new Page(items, more ? encode(page.get(page.size() - 1).getId()) : null);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.STORED.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("e1:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("e1:")) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_cursor", "cursor: not a cursor returned by this API");
        }
    }
}
