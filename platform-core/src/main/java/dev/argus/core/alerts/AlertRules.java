package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.ALERT_CHANNELS;
import static dev.argus.core.storage.jooq.Tables.ALERT_RULES;

import dev.argus.core.server.ApiException;
import dev.argus.core.storage.jooq.tables.records.AlertRulesRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Alert rules of a project in {@code alert_rules}; every query is scoped by project. */
final class AlertRules {

    private final DSLContext dsl;

    AlertRules(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<AlertRule> list(UUID projectId) {
        return dsl.selectFrom(ALERT_RULES).where(ALERT_RULES.PROJECT_ID.eq(projectId)).orderBy(ALERT_RULES.NAME)
                .fetch(AlertRules::toRule);
    }

    Optional<AlertRule> find(UUID projectId, UUID id) {
        return dsl.selectFrom(ALERT_RULES).where(ALERT_RULES.PROJECT_ID.eq(projectId), ALERT_RULES.ID.eq(id))
                .fetchOptional(AlertRules::toRule);
    }

    AlertRule create(UUID projectId, RuleRequest r) {
        checkChannels(projectId, r.channels());
        try {
            AlertRulesRecord row = dsl.newRecord(ALERT_RULES);
            row.setProjectId(projectId);
            apply(row, r);
            row.store();
            // store() brings back only the key: read the defaulted state and timestamps too
            row.refresh();
            return toRule(row);
        } catch (IntegrityConstraintViolationException e) {
            throw duplicate(r.name());
        }
    }

    /** Replaces the definition; a changed definition starts again from {@code ok}. */
    Optional<AlertRule> replace(UUID projectId, UUID id, RuleRequest r) {
        checkChannels(projectId, r.channels());
        return dsl.transactionResult(cfg -> {
            AlertRulesRecord row = cfg.dsl().selectFrom(ALERT_RULES)
                    .where(ALERT_RULES.PROJECT_ID.eq(projectId), ALERT_RULES.ID.eq(id)).forUpdate().fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            boolean wasFiring = RuleState.FIRING.equals(row.getState());
            apply(row, r);
            if (!wasFiring) {
                row.setState(RuleState.OK);
                row.setPendingSince(null);
            }
            row.setUpdatedAt(OffsetDateTime.now());
            try {
                row.store();
            } catch (IntegrityConstraintViolationException e) {
                throw duplicate(r.name());
            }
            return Optional.of(toRule(row));
        });
    }

    boolean delete(UUID projectId, UUID id) {
        return dsl.deleteFrom(ALERT_RULES).where(ALERT_RULES.PROJECT_ID.eq(projectId), ALERT_RULES.ID.eq(id))
                .execute() > 0;
    }

    private void checkChannels(UUID projectId, List<UUID> channelIds) {
        if (channelIds.isEmpty()) {
            return;
        }
        int found = dsl.fetchCount(ALERT_CHANNELS, ALERT_CHANNELS.PROJECT_ID.eq(projectId)
                .and(ALERT_CHANNELS.ID.in(channelIds)));
        if (found != channelIds.size()) {
            throw ApiException.badRequest("invalid_request", "channel_ids: every id must be a channel of this project");
        }
    }

    private static void apply(AlertRulesRecord row, RuleRequest r) {
        row.setName(r.name().strip());
        row.setMetric(r.metric());
        row.setProvider(r.provider());
        row.setModel(r.model());
        row.setPromptName(r.promptName());
        row.setWindowSeconds(r.windowSeconds());
        row.setComparator(r.comparator());
        row.setThreshold(r.threshold());
        row.setForSeconds(r.forSeconds() == null ? 0 : r.forSeconds());
        row.setCooldownSeconds(r.cooldownSeconds() == null ? 0 : r.cooldownSeconds());
        row.setSeverity(r.severity());
        row.setChannelIds(r.channels().toArray(UUID[]::new));
        row.setEnabled(r.enabled() == null || r.enabled());
    }

    private static ApiException duplicate(String name) {
        return new ApiException(io.helidon.http.Status.CONFLICT_409, "conflict",
                "name: a rule named '" + name + "' already exists in this project");
    }

    static AlertRule toRule(AlertRulesRecord r) {
        return new AlertRule(r.getId(), r.getName(), r.getMetric(), r.getProvider(), r.getModel(), r.getPromptName(),
                r.getWindowSeconds(), r.getComparator(), r.getThreshold(), r.getForSeconds(), r.getCooldownSeconds(),
                r.getSeverity(), Arrays.asList(r.getChannelIds()), r.getEnabled(), r.getState(), r.getLastValue(),
                r.getLastEvaluatedAt(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
