package dev.argus.core.prompts;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Announces that a prompt changed (new version, label move, experiment started or stopped): drops it
 * from this node's cache at once and sends a PostgreSQL {@code NOTIFY} so every other node's
 * {@link PromptChangeListener} drops it too. Called after the change is committed.
 */
public final class PromptChanges {

    /** The notification channel. */
    static final String CHANNEL = "argus_prompts";

    private final PromptCache cache;
    private final DSLContext dsl;

    public PromptChanges(PromptCache cache, DSLContext dsl) {
        this.cache = cache;
        this.dsl = dsl;
    }

    /** Invalidates the prompt here and on every other node. */
    public void changed(UUID projectId, String name) {
        cache.invalidate(projectId, name);
        dsl.select(DSL.function("pg_notify", SQLDataType.OTHER, DSL.val(CHANNEL), DSL.val(payload(projectId, name))))
                .execute();
    }

    static String payload(UUID projectId, String name) {
        // prompt names never contain spaces
        return projectId + " " + name;
    }
}
