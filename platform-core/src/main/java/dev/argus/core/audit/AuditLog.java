package dev.argus.core.audit;

import static dev.argus.core.storage.jooq.Tables.AUDIT_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.argus.core.server.Json;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Writes audit entries. Call it with the transaction that makes the change, so the change and its
 * record commit together or not at all.
 */
public final class AuditLog {

    private AuditLog() {
    }

    /** Appends {@code event} inside the transaction {@code tx}. */
    public static void record(DSLContext tx, AuditEvent event) {
        String summary;
        try {
            summary = Json.MAPPER.writeValueAsString(event.summary());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit summary is not serialisable", e);
        }
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.PROJECT_ID, event.projectId())
                .set(AUDIT_LOG.ACTOR_USER_ID, event.actor().userId())
                .set(AUDIT_LOG.ACTOR_API_KEY_ID, event.actor().apiKeyId())
                .set(AUDIT_LOG.ACTION, event.action())
                .set(AUDIT_LOG.TARGET_TYPE, event.targetType())
                .set(AUDIT_LOG.TARGET_ID, event.targetId())
                .set(AUDIT_LOG.SUMMARY, JSONB.valueOf(summary))
                .set(AUDIT_LOG.IP, event.actor().ip())
                .execute();
    }
}
