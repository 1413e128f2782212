package dev.argus.core.evaluation;

import static dev.argus.core.storage.jooq.Tables.EVALUATIONS;
import static dev.argus.core.storage.jooq.Tables.EVALUATION_JOBS;
import static dev.argus.core.storage.jooq.Tables.EVALUATION_SCORES;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.argus.api.evaluator.Score;
import dev.argus.core.server.Json;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The evaluation job queue in PostgreSQL. A claim locks due jobs with {@code FOR UPDATE SKIP LOCKED}
 * and leases them to one worker in the same transaction, so concurrent workers on any number of
 * nodes never receive the same job; a lease that runs out (the worker died) makes the job claimable
 * again. Finishing is guarded by the lease holder, and scores are unique per job.
 */
public final class JobQueue {

    private final DSLContext dsl;
    private final QueueSettings settings;

    public JobQueue(DSLContext dsl, QueueSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
    }

    public QueueSettings settings() {
        return settings;
    }

    /** Claims up to {@code limit} due jobs for this worker. */
    public List<ClaimedJob> claim(int limit) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var now = DSL.currentOffsetDateTime();
            List<Long> ids = t.select(EVALUATION_JOBS.ID).from(EVALUATION_JOBS)
                    .where(EVALUATION_JOBS.STATUS.eq("queued").and(EVALUATION_JOBS.RUN_AFTER.le(now)))
                    .or(EVALUATION_JOBS.STATUS.eq("running").and(EVALUATION_JOBS.LOCKED_UNTIL.lt(now)))
                    .orderBy(EVALUATION_JOBS.ID)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch(EVALUATION_JOBS.ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            t.update(EVALUATION_JOBS)
                    .set(EVALUATION_JOBS.STATUS, "running")
                    .set(EVALUATION_JOBS.ATTEMPTS, EVALUATION_JOBS.ATTEMPTS.plus(1))
                    .set(EVALUATION_JOBS.LOCKED_BY, settings.nodeId())
                    .set(EVALUATION_JOBS.LOCKED_UNTIL, now.plus(interval(settings.lease())))
                    .where(EVALUATION_JOBS.ID.in(ids))
                    .execute();
            return t.select(EVALUATION_JOBS.ID, EVALUATION_JOBS.PROJECT_ID, EVALUATION_JOBS.EVALUATION_ID,
                            EVALUATIONS.EVALUATOR, EVALUATIONS.CONFIG, EVALUATION_JOBS.CALL_ID,
                            EVALUATION_JOBS.DATASET_ITEM_ID, EVALUATION_JOBS.INPUT_TEXT, EVALUATION_JOBS.OUTPUT_TEXT,
                            EVALUATION_JOBS.REFERENCE_TEXT, EVALUATION_JOBS.ATTEMPTS, EVALUATION_JOBS.MAX_ATTEMPTS)
                    .from(EVALUATION_JOBS).join(EVALUATIONS).on(EVALUATIONS.ID.eq(EVALUATION_JOBS.EVALUATION_ID))
                    .where(EVALUATION_JOBS.ID.in(ids))
                    .orderBy(EVALUATION_JOBS.ID)
                    .fetch(r -> new ClaimedJob(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().data(),
                            r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
        });
    }

    /**
     * Stores the score and marks the job done, if this worker still holds it.
     *
     * @return false when the lease was lost (another worker owns the job now) and nothing was stored
     */
    public boolean complete(ClaimedJob job, Score score) {
        String details;
        try {
            details = Json.MAPPER.writeValueAsString(score.details());
        } catch (JsonProcessingException e) {
            details = "{}";
        }
        String detailsJson = details;
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int updated = t.update(EVALUATION_JOBS)
                    .set(EVALUATION_JOBS.STATUS, "done")
                    .set(EVALUATION_JOBS.FINISHED_AT, DSL.currentOffsetDateTime())
                    .set(EVALUATION_JOBS.LOCKED_UNTIL, (OffsetDateTime) null)
                    .set(EVALUATION_JOBS.LAST_ERROR, (String) null)
                    .where(EVALUATION_JOBS.ID.eq(job.id()).and(ownedBy(job)))
                    .execute();
            if (updated == 0) {
                return false;
            }
            t.insertInto(EVALUATION_SCORES)
                    .set(EVALUATION_SCORES.PROJECT_ID, job.projectId())
                    .set(EVALUATION_SCORES.EVALUATION_ID, job.evaluationId())
                    .set(EVALUATION_SCORES.JOB_ID, job.id())
                    .set(EVALUATION_SCORES.CALL_ID, job.callId())
                    .set(EVALUATION_SCORES.DATASET_ITEM_ID, job.datasetItemId())
                    .set(EVALUATION_SCORES.EVALUATOR, job.evaluator())
                    .set(EVALUATION_SCORES.VALUE, score.value())
                    .set(EVALUATION_SCORES.LABEL, score.label())
                    .set(EVALUATION_SCORES.EXPLANATION, score.explanation())
                    .set(EVALUATION_SCORES.DETAILS, JSONB.valueOf(detailsJson))
                    .onConflict(EVALUATION_SCORES.JOB_ID).doNothing()
                    .execute();
            return true;
        });
    }

    /**
     * Records a failed attempt: the job is queued again after its backoff, or dead-lettered with the
     * error when it has no attempts left or the failure is permanent.
     *
     * @return the status the job now has ({@code queued} or {@code dead}), or {@code null} when the lease was lost
     */
    public String fail(ClaimedJob job, String error, boolean permanent) {
        boolean dead = permanent || job.attempt() >= job.maxAttempts();
        var update = dsl.update(EVALUATION_JOBS)
                .set(EVALUATION_JOBS.STATUS, dead ? "dead" : "queued")
                .set(EVALUATION_JOBS.LAST_ERROR, truncate(error))
                .set(EVALUATION_JOBS.LOCKED_BY, (String) null)
                .set(EVALUATION_JOBS.LOCKED_UNTIL, (OffsetDateTime) null);
        var finished = dead
                ? update.set(EVALUATION_JOBS.FINISHED_AT, DSL.currentOffsetDateTime())
                : update.set(EVALUATION_JOBS.RUN_AFTER,
                        DSL.currentOffsetDateTime().plus(interval(settings.backoff(job.attempt()))));
        int updated = finished.where(EVALUATION_JOBS.ID.eq(job.id()).and(ownedBy(job))).execute();
        return updated == 0 ? null : dead ? "dead" : "queued";
    }

    private org.jooq.Condition ownedBy(ClaimedJob job) {
        return EVALUATION_JOBS.STATUS.eq("running").and(EVALUATION_JOBS.LOCKED_BY.eq(settings.nodeId()))
                .and(EVALUATION_JOBS.ATTEMPTS.eq(job.attempt()));
    }

    private static org.jooq.Field<org.jooq.types.DayToSecond> interval(Duration duration) {
        return DSL.val(org.jooq.types.DayToSecond.valueOf(duration));
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
