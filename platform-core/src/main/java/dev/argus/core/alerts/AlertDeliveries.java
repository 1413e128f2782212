package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.ALERT_DELIVERIES;
import static dev.argus.core.storage.jooq.Tables.ALERT_EVENTS;

import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.core.storage.jooq.tables.records.AlertDeliveriesRecord;
import dev.argus.core.storage.jooq.tables.records.AlertEventsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sends pending deliveries through their channel's extension. Any node may deliver: a delivery is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leased by pushing its next attempt past the lease,
 * so two nodes never send the same attempt. A failure is retried after {@code backoff × 2^(n-1)}
 * until {@code maxAttempts}, then recorded as failed; every attempt's outcome is kept.
 */
final class AlertDeliveries {

    private static final System.Logger LOG = System.getLogger(AlertDeliveries.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final DSLContext dsl;
    private final AlertChannels channels;
    private final Clock clock;
    private final Duration backoff;
    private final int maxAttempts;

    AlertDeliveries(DSLContext dsl, AlertChannels channels, Clock clock, Duration backoff, int maxAttempts) {
        this.dsl = dsl;
        this.channels = channels;
        this.clock = clock;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** Delivers what is due; returns how many attempts were made. */
    int deliverDue() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<AlertDeliveriesRecord> claimed = dsl.update(ALERT_DELIVERIES)
                .set(ALERT_DELIVERIES.NEXT_ATTEMPT_AT, now.plus(LEASE))
                .set(ALERT_DELIVERIES.ATTEMPTS, ALERT_DELIVERIES.ATTEMPTS.plus(1))
                .where(ALERT_DELIVERIES.ID.in(dsl.select(ALERT_DELIVERIES.ID).from(ALERT_DELIVERIES)
                        .where(ALERT_DELIVERIES.STATUS.eq("pending"), ALERT_DELIVERIES.NEXT_ATTEMPT_AT.le(now))
                        .orderBy(ALERT_DELIVERIES.NEXT_ATTEMPT_AT).limit(BATCH).forUpdate().skipLocked()))
                .returning().fetch();
        for (AlertDeliveriesRecord delivery : claimed) {
            DeliveryResult result = attempt(delivery);
            OffsetDateTime done = clock.instant().atOffset(ZoneOffset.UTC);
            var update = dsl.update(ALERT_DELIVERIES).set(ALERT_DELIVERIES.DETAIL, truncate(result.detail()));
            if (result.delivered()) {
                update.set(ALERT_DELIVERIES.STATUS, "delivered").set(ALERT_DELIVERIES.DELIVERED_AT, done)
                        .where(ALERT_DELIVERIES.ID.eq(delivery.getId())).execute();
            } else if (delivery.getAttempts() >= maxAttempts) {
                update.set(ALERT_DELIVERIES.STATUS, "failed").where(ALERT_DELIVERIES.ID.eq(delivery.getId())).execute();
                LOG.log(System.Logger.Level.WARNING, "Giving up alert delivery {0} after {1} attempts: {2}",
                        delivery.getId(), delivery.getAttempts(), result.detail());
            } else {
                Duration wait = backoff.multipliedBy(1L << Math.min(20, delivery.getAttempts() - 1));
                update.set(ALERT_DELIVERIES.NEXT_ATTEMPT_AT, done.plus(wait))
                        .where(ALERT_DELIVERIES.ID.eq(delivery.getId())).execute();
            }
        }
        return claimed.size();
    }

    private DeliveryResult attempt(AlertDeliveriesRecord delivery) {
        AlertEventsRecord event = dsl.selectFrom(ALERT_EVENTS).where(ALERT_EVENTS.ID.eq(delivery.getEventId())).fetchOne();
        if (event == null) {
            return DeliveryResult.failed("the event no longer exists");
        }
        try {
            Optional<AlertChannel> channel = channels.instance(delivery.getProjectId(), delivery.getChannelId());
            if (channel.isEmpty()) {
                return DeliveryResult.failed("the channel no longer exists");
            }
            return channel.get().deliver(toEvent(event));
        } catch (RuntimeException e) {
            return DeliveryResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The SPI view of a stored event. */
    static AlertEvent toEvent(AlertEventsRecord e) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("event_id", e.getId().toString());
        labels.put("metric", e.getMetric());
        try {
            dev.argus.core.server.Json.STORED.readTree(e.getObserved().data()).properties()
                    .forEach(p -> labels.put(p.getKey(), p.getValue().asText()));
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
        return new AlertEvent(e.getRuleId().toString(), e.getRuleName(), e.getProjectId().toString(),
                AlertEvent.State.valueOf(e.getState().toUpperCase(Locale.ROOT)),
                AlertEvent.Severity.valueOf(e.getSeverity().toUpperCase(Locale.ROOT)), e.getMessage(), e.getValue(),
                e.getThreshold(), e.getAt().toInstant(), null, labels);
    }

    private static String truncate(String detail) {
        return detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }
}
