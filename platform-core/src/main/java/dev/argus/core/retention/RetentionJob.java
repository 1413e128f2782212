package dev.argus.core.retention;

import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes call data older than each project's retention, in small batches so ingest never waits on
 * a long lock. Runs at start and then periodically; several nodes agree through an advisory lock
 * that only one of them works at a time. Partitions are shared by projects, so rows are deleted
 * rather than partitions dropped.
 */
public final class RetentionJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    static final int BATCH = 5_000;

    private final DSLContext dsl;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "argus-retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionJob(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Runs now and then every {@code interval}. */
    public RetentionJob start(Duration interval) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Retention run failed; retrying next time", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One pass over every project with a retention.
     *
     * @return calls deleted, or -1 when another node holds the lock
     */
    public long runOnce() {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Boolean locked = db.select(DSL.field("argus_try_xact_lock({0})", Boolean.class, DSL.inline("argus-retention")))
                    .fetchOne().value1();
            if (!Boolean.TRUE.equals(locked)) {
                return -1L;
            }
            long deleted = 0;
            for (var project : db.select(PROJECTS.ID, PROJECTS.RETENTION_DAYS).from(PROJECTS)
                    .where(PROJECTS.RETENTION_DAYS.isNotNull()).fetch()) {
                OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                        .minusDays(project.value2());
                deleted += purge(db, project.value1(), cutoff);
            }
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "Retention deleted {0} calls past their projects'' retention",
                        String.valueOf(deleted));
            }
            return deleted;
        });
    }

    private static long purge(DSLContext db, UUID projectId, OffsetDateTime cutoff) {
        long total = 0;
        int deleted;
        do {
            var batch = db.select(LLM_CALLS.PROJECT_ID, LLM_CALLS.STARTED_AT, LLM_CALLS.ID).from(LLM_CALLS)
                    .where(LLM_CALLS.PROJECT_ID.eq(projectId), LLM_CALLS.STARTED_AT.lt(cutoff)).limit(BATCH);
            deleted = db.deleteFrom(LLM_CALLS)
                    .where(DSL.row(LLM_CALLS.PROJECT_ID, LLM_CALLS.STARTED_AT, LLM_CALLS.ID).in(batch)).execute();
            total += deleted;
        } while (deleted == BATCH);
        db.deleteFrom(LLM_CALL_IDS).where(LLM_CALL_IDS.PROJECT_ID.eq(projectId), LLM_CALL_IDS.STARTED_AT.lt(cutoff))
                .execute();
        db.deleteFrom(CALL_ROLLUP_MINUTE)
                .where(CALL_ROLLUP_MINUTE.PROJECT_ID.eq(projectId), CALL_ROLLUP_MINUTE.MINUTE.lt(cutoff)).execute();
        return total;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
