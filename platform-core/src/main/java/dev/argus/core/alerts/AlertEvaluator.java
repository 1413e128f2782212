package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.ALERT_CHANNELS;
import static dev.argus.core.storage.jooq.Tables.ALERT_DELIVERIES;
import static dev.argus.core.storage.jooq.Tables.ALERT_EVENTS;
import static dev.argus.core.storage.jooq.Tables.ALERT_RULES;

import dev.argus.core.ingest.UuidV7;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.tables.records.AlertRulesRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * One evaluation round over every enabled rule of every project. The round runs inside one
 * transaction holding a PostgreSQL advisory lock, so on a cluster sharing one database only one node
 * evaluates at a time, and the next one sees the states it committed: each transition, and so each
 * event, happens exactly once. Events and their pending deliveries commit together with the state.
 */
final class AlertEvaluator {

    /** The advisory lock key: "argus-al" in ASCII. */
    static final long LOCK_KEY = 0x6172677573_2d616cL;

    private static final System.Logger LOG = System.getLogger(AlertEvaluator.class.getName());

    private final DSLContext dsl;
    private final Clock clock;

    AlertEvaluator(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Evaluates every rule once, unless another node is evaluating right now.
     *
     * @return the number of events written, or -1 when another node held the lock
     */
    int evaluateAll() {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Boolean locked = tx.select(DSL.function("pg_try_advisory_xact_lock", Boolean.class, DSL.val(LOCK_KEY)))
                    .fetchOne().value1();
            if (!Boolean.TRUE.equals(locked)) {
                return -1;
            }
            Instant now = clock.instant();
            int events = 0;
            for (AlertRulesRecord rule : tx.selectFrom(ALERT_RULES).where(ALERT_RULES.ENABLED.isTrue())
                    .orderBy(ALERT_RULES.ID).fetch()) {
                // a savepoint per rule: one rule failing does not hold back the others
                try {
                    events += tx.transactionResult(nested -> evaluate(nested.dsl(), rule, now));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Evaluating alert rule " + rule.getId() + " failed", e);
                }
            }
            return events;
        });
    }

    private int evaluate(DSLContext tx, AlertRulesRecord rule, Instant now) {
        WindowMetrics.Observation observation = WindowMetrics.observe(tx, rule, now);
        Double value = observation.value();
        boolean breached = value != null
                && Comparison.of(rule.getComparator()).orElseThrow().holds(value, rule.getThreshold());
        RuleState current = new RuleState(rule.getState(), instant(rule.getPendingSince()), instant(rule.getLastFiredAt()));
        RuleState.Step step = current.step(breached, now, Duration.ofSeconds(rule.getForSeconds()),
                Duration.ofSeconds(rule.getCooldownSeconds()));
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        rule.setState(step.next().state());
        rule.setPendingSince(offset(step.next().pendingSince()));
        rule.setLastFiredAt(offset(step.next().lastFiredAt()));
        rule.setLastValue(value);
        rule.setLastEvaluatedAt(at);
        rule.attach(tx.configuration());
        rule.update();
        if (step.event() == null) {
            return 0;
        }
        // a resolution reports the value that ended the alert; with no calls left in the window that is 0
        double reported = value == null ? 0 : value;
        UUID eventId = UuidV7.at(now);
        tx.insertInto(ALERT_EVENTS).set(ALERT_EVENTS.ID, eventId).set(ALERT_EVENTS.PROJECT_ID, rule.getProjectId())
                .set(ALERT_EVENTS.RULE_ID, rule.getId()).set(ALERT_EVENTS.RULE_NAME, rule.getName())
                .set(ALERT_EVENTS.STATE, step.event()).set(ALERT_EVENTS.SEVERITY, rule.getSeverity())
                .set(ALERT_EVENTS.METRIC, rule.getMetric()).set(ALERT_EVENTS.VALUE, reported)
                .set(ALERT_EVENTS.THRESHOLD, rule.getThreshold())
                .set(ALERT_EVENTS.OBSERVED, JSONB.valueOf(json(observation)))
                .set(ALERT_EVENTS.MESSAGE, message(rule, step.event(), value))
                .set(ALERT_EVENTS.AT, at)
                .execute();
        tx.insertInto(ALERT_DELIVERIES, ALERT_DELIVERIES.EVENT_ID, ALERT_DELIVERIES.CHANNEL_ID,
                        ALERT_DELIVERIES.PROJECT_ID, ALERT_DELIVERIES.NEXT_ATTEMPT_AT)
                .select(DSL.select(DSL.val(eventId), ALERT_CHANNELS.ID, ALERT_CHANNELS.PROJECT_ID, DSL.val(at))
                        .from(ALERT_CHANNELS)
                        .where(ALERT_CHANNELS.PROJECT_ID.eq(rule.getProjectId()),
                                ALERT_CHANNELS.ID.eq(DSL.any(rule.getChannelIds()))))
                .execute();
        return 1;
    }

    static String message(AlertRulesRecord rule, String event, Double value) {
        String shown = value == null ? "no data" : String.format(Locale.ROOT, "%.4g", value);
        String filters = (rule.getProvider() == null ? "" : " provider=" + rule.getProvider())
                + (rule.getModel() == null ? "" : " model=" + rule.getModel())
                + (rule.getPromptName() == null ? "" : " prompt=" + rule.getPromptName());
        return String.format(Locale.ROOT, "%s %s: %s over %d min%s is %s (%s %s)", rule.getName(),
                RuleState.FIRING.equals(event) ? "firing" : "resolved", rule.getMetric(), rule.getWindowSeconds() / 60,
                filters, shown, rule.getComparator(), rule.getThreshold());
    }

    private static String json(WindowMetrics.Observation observation) {
        try {
            return Json.MAPPER.writeValueAsString(observation.observed());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime offset(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
