package dev.argus.core.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One mutating action for the audit log.
 *
 * @param projectId  the project it happened in, or {@code null} for instance-level actions
 * @param actor      who did it and from where
 * @param action     what, as {@code <thing>.<verb>}, e.g. {@code api_key.create}
 * @param targetType the kind of thing acted on, e.g. {@code api_key}
 * @param targetId   its id
 * @param summary    before/after or other details; never secrets
 */
public record AuditEvent(UUID projectId, Actor actor, String action, String targetType, String targetId,
                         Map<String, Object> summary) {

    /** Copies the summary; values may be null (e.g. a display name that was not set before). */
    public AuditEvent {
        summary = summary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}
