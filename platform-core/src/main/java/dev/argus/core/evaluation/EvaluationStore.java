package dev.argus.core.evaluation;

import static dev.argus.core.storage.jooq.Tables.EVALUATIONS;
import static dev.argus.core.storage.jooq.Tables.EVALUATION_JOBS;
import static dev.argus.core.storage.jooq.Tables.EVALUATION_SCORES;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;

import dev.argus.core.ingest.UuidV7;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Evaluations and their jobs and scores, always scoped by project. */
public final class EvaluationStore {

    private static final int INSERT_CHUNK = 1000;

    private final DSLContext dsl;

    public EvaluationStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates an evaluation with one queued job per item, in one transaction; returns its id. */
    public UUID create(UUID projectId, String evaluator, String configJson, String source, UUID datasetId,
                       List<JobItem> items, int maxAttempts) {
        UUID id = UuidV7.now();
        dsl.transaction(tx -> {
            tx.dsl().insertInto(EVALUATIONS)
                    .set(EVALUATIONS.PROJECT_ID, projectId)
                    .set(EVALUATIONS.ID, id)
                    .set(EVALUATIONS.EVALUATOR, evaluator)
                    .set(EVALUATIONS.CONFIG, JSONB.valueOf(configJson))
                    .set(EVALUATIONS.SOURCE, source)
                    .set(EVALUATIONS.DATASET_ID, datasetId)
                    .set(EVALUATIONS.TOTAL, 0)
                    .execute();
            enqueue(tx.dsl(), projectId, id, items, maxAttempts);
        });
        return id;
    }

    /**
     * Appends jobs to an evaluation inside the caller's transaction (positions continue after the last
     * one) and raises its total.
     */
    public static void enqueue(DSLContext tx, UUID projectId, UUID evaluationId, List<JobItem> items, int maxAttempts) {
        if (items.isEmpty()) {
            return;
        }
        Integer start = tx.update(EVALUATIONS).set(EVALUATIONS.TOTAL, EVALUATIONS.TOTAL.plus(items.size()))
                .where(EVALUATIONS.ID.eq(evaluationId).and(EVALUATIONS.PROJECT_ID.eq(projectId)))
                .returning(EVALUATIONS.TOTAL).fetchOne(r -> r.getTotal() - items.size());
        if (start == null) {
            throw new IllegalStateException("evaluation " + evaluationId + " does not exist");
        }
        for (int from = 0; from < items.size(); from += INSERT_CHUNK) {
            var insert = tx.insertInto(EVALUATION_JOBS, EVALUATION_JOBS.PROJECT_ID, EVALUATION_JOBS.EVALUATION_ID,
                    EVALUATION_JOBS.POSITION, EVALUATION_JOBS.CALL_ID, EVALUATION_JOBS.DATASET_ITEM_ID,
                    EVALUATION_JOBS.INPUT_TEXT, EVALUATION_JOBS.OUTPUT_TEXT, EVALUATION_JOBS.REFERENCE_TEXT,
                    EVALUATION_JOBS.MAX_ATTEMPTS);
            for (int i = from; i < Math.min(items.size(), from + INSERT_CHUNK); i++) {
                JobItem item = items.get(i);
                insert = insert.values(projectId, evaluationId, start + i, item.callId(), item.datasetItemId(),
                        item.input(), item.output(), item.reference(), maxAttempts);
            }
            insert.execute();
        }
    }

    /**
     * Counts of an evaluation's jobs and the aggregate of its scores.
     *
     * @param total   jobs in the evaluation
     * @param done    jobs scored
     * @param dead    jobs dead-lettered
     * @param running jobs being scored now
     * @param started whether any attempt was made
     * @param mean    mean score, or {@code null} before the first score
     * @param p50     median score (linear interpolation), or {@code null}
     * @param min     lowest score, or {@code null}
     * @param max     highest score, or {@code null}
     */
    public record Progress(int total, int done, int dead, int running, boolean started, Double mean, Double p50,
                           Double min, Double max) {

        /** {@code queued}, {@code running}, {@code completed} or {@code completed_with_errors}. */
        public String status() {
            if (total > 0 && done + dead == total) {
                return dead == 0 ? "completed" : "completed_with_errors";
            }
            return started || running > 0 || done + dead > 0 ? "running" : "queued";
        }
    }

    /**
     * An evaluation's header.
     *
     * @param id         the evaluation id
     * @param evaluator  evaluator id
     * @param configJson its settings as JSON
     * @param source     {@code items}, {@code calls}, {@code dataset} or {@code rule}
     * @param datasetId  the dataset, or {@code null}
     * @param createdAt  creation time
     * @param progress   counts and aggregate
     */
    public record Summary(UUID id, String evaluator, String configJson, String source, UUID datasetId,
                          OffsetDateTime createdAt, Progress progress) {
    }

    /**
     * One job with its score, if any.
     *
     * @param position      order within the evaluation
     * @param callId        the call, or {@code null}
     * @param datasetItemId the dataset item, or {@code null}
     * @param status        {@code queued}, {@code running}, {@code done} or {@code dead}
     * @param attempts      attempts made
     * @param error         the last error, or {@code null}
     * @param value         the score, or {@code null}
     * @param label         the score's label, or {@code null}
     * @param explanation   the score's explanation, or {@code null}
     * @param detailsJson   the score's details as JSON, or {@code null}
     */
    public record ItemRow(int position, UUID callId, UUID datasetItemId, String status, int attempts, String error,
                          Double value, String label, String explanation, String detailsJson) {
    }

    /** An evaluation of the project, with progress. */
    public Optional<Summary> find(UUID projectId, UUID id) {
        return summaries(EVALUATIONS.PROJECT_ID.eq(projectId).and(EVALUATIONS.ID.eq(id)), 1).stream().findFirst();
    }

    /** A page of the project's evaluations, newest first, after {@code before} (exclusive) when given. */
    public List<Summary> page(UUID projectId, UUID before, int limit) {
        var condition = EVALUATIONS.PROJECT_ID.eq(projectId);
        if (before != null) {
            condition = condition.and(EVALUATIONS.ID.lt(before));
        }
        return summaries(condition, limit);
    }

    private List<Summary> summaries(org.jooq.Condition condition, int limit) {
        var jobs = EVALUATION_JOBS;
        var counts = dsl.select(jobs.EVALUATION_ID,
                        DSL.count().filterWhere(jobs.STATUS.eq("done")).as("done"),
                        DSL.count().filterWhere(jobs.STATUS.eq("dead")).as("dead"),
                        DSL.count().filterWhere(jobs.STATUS.eq("running")).as("running"),
                        DSL.count().filterWhere(jobs.ATTEMPTS.gt(0)).as("started"))
                .from(jobs).groupBy(jobs.EVALUATION_ID).asTable("counts");
        var scores = dsl.select(EVALUATION_SCORES.EVALUATION_ID,
                        DSL.avg(EVALUATION_SCORES.VALUE).cast(Double.class).as("mean"),
                        DSL.percentileCont(0.5).withinGroupOrderBy(EVALUATION_SCORES.VALUE).cast(Double.class).as("p50"),
                        DSL.min(EVALUATION_SCORES.VALUE).as("min"),
                        DSL.max(EVALUATION_SCORES.VALUE).as("max"))
                .from(EVALUATION_SCORES).groupBy(EVALUATION_SCORES.EVALUATION_ID).asTable("agg");
        var done = counts.field("done", Integer.class);
        var dead = counts.field("dead", Integer.class);
        var running = counts.field("running", Integer.class);
        var started = counts.field("started", Integer.class);
        var mean = scores.field("mean", Double.class);
        var p50 = scores.field("p50", Double.class);
        var min = scores.field("min", Double.class);
        var max = scores.field("max", Double.class);
        return dsl.select(EVALUATIONS.ID, EVALUATIONS.EVALUATOR, EVALUATIONS.CONFIG, EVALUATIONS.SOURCE,
                        EVALUATIONS.DATASET_ID, EVALUATIONS.CREATED_AT, EVALUATIONS.TOTAL, done, dead, running, started,
                        mean, p50, min, max)
                .from(EVALUATIONS)
                .leftJoin(counts).on(counts.field(jobs.EVALUATION_ID).eq(EVALUATIONS.ID))
                .leftJoin(scores).on(scores.field(EVALUATION_SCORES.EVALUATION_ID).eq(EVALUATIONS.ID))
                .where(condition)
                .orderBy(EVALUATIONS.ID.desc())
                .limit(limit)
                .fetch(r -> new Summary(r.get(EVALUATIONS.ID), r.get(EVALUATIONS.EVALUATOR),
                        r.get(EVALUATIONS.CONFIG).data(), r.get(EVALUATIONS.SOURCE), r.get(EVALUATIONS.DATASET_ID),
                        r.get(EVALUATIONS.CREATED_AT),
                        new Progress(r.get(EVALUATIONS.TOTAL), zero(r, done), zero(r, dead), zero(r, running),
                                zero(r, started) > 0, r.get(mean), r.get(p50), r.get(min), r.get(max))));
    }

    private static int zero(Record r, org.jooq.Field<Integer> field) {
        Integer value = r.get(field);
        return value == null ? 0 : value;
    }

    /** Every job of an evaluation with its score, in item order. */
    public List<ItemRow> items(UUID projectId, UUID evaluationId) {
        var jobs = EVALUATION_JOBS;
        var s = EVALUATION_SCORES;
        List<ItemRow> rows = new ArrayList<>();
        dsl.select(jobs.POSITION, jobs.CALL_ID, jobs.DATASET_ITEM_ID, jobs.STATUS, jobs.ATTEMPTS, jobs.LAST_ERROR,
                        s.VALUE, s.LABEL, s.EXPLANATION, s.DETAILS)
                .from(jobs).leftJoin(s).on(s.JOB_ID.eq(jobs.ID))
                .where(jobs.PROJECT_ID.eq(projectId).and(jobs.EVALUATION_ID.eq(evaluationId)))
                .orderBy(jobs.POSITION)
                .forEach(r -> rows.add(new ItemRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10() == null ? null : r.value10().data())));
        return rows;
    }

    /**
     * One stored score of a call.
     *
     * @param evaluationId the evaluation it belongs to
     * @param evaluator    evaluator id
     * @param value        the score
     * @param label        the label, or {@code null}
     * @param explanation  the explanation, or {@code null}
     * @param detailsJson  the details as JSON
     * @param createdAt    when it was stored
     */
    public record CallScore(UUID evaluationId, String evaluator, double value, String label, String explanation,
                            String detailsJson, OffsetDateTime createdAt) {
    }

    /** Whether the project holds a stored call with this id (its id row locates the call's partition). */
    public boolean callExists(UUID projectId, UUID callId) {
        return dsl.fetchExists(dsl.selectOne().from(LLM_CALL_IDS).join(LLM_CALLS)
                .on(LLM_CALLS.PROJECT_ID.eq(LLM_CALL_IDS.PROJECT_ID).and(LLM_CALLS.STARTED_AT.eq(LLM_CALL_IDS.STARTED_AT))
                        .and(LLM_CALLS.ID.eq(LLM_CALL_IDS.ID)))
                .where(LLM_CALL_IDS.PROJECT_ID.eq(projectId).and(LLM_CALL_IDS.ID.eq(callId))));
    }

    /** The scores of one call, oldest first. */
    public List<CallScore> scoresOfCall(UUID projectId, UUID callId) {
        var s = EVALUATION_SCORES;
        return dsl.select(s.EVALUATION_ID, s.EVALUATOR, s.VALUE, s.LABEL, s.EXPLANATION, s.DETAILS, s.CREATED_AT)
                .from(s).where(s.PROJECT_ID.eq(projectId).and(s.CALL_ID.eq(callId)))
                .orderBy(s.ID)
                .fetch(r -> new CallScore(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().data(),
                        r.value7()));
    }
}
