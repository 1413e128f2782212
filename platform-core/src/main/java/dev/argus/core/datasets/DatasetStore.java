package dev.argus.core.datasets;

import static dev.argus.core.storage.jooq.Tables.DATASETS;
import static dev.argus.core.storage.jooq.Tables.DATASET_ITEMS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;

import dev.argus.core.evaluation.EvaluationTargets;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.server.ApiException;
import io.helidon.http.Status;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/** Datasets and their items, always scoped by project. */
public final class DatasetStore {

    /** The most items one dataset holds: as many as one evaluation scores. */
    public static final int MAX_ITEMS = EvaluationTargets.MAX_ITEMS;
    private static final int INSERT_CHUNK = 1000;

    /**
     * A dataset's header.
     *
     * @param itemCount how many items it holds
     */
    record Dataset(UUID id, String name, String description, OffsetDateTime createdAt, int itemCount) {
    }

    /** One item. */
    record Item(UUID id, int position, String input, String reference, String metadataJson, OffsetDateTime createdAt) {
    }

    /** A stored call's texts, as an item made from it. */
    record CallTexts(UUID id, String provider, String model, String promptName, Integer promptVersion, String input,
                     String output) {
    }

    private final DSLContext dsl;

    public DatasetStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates a dataset with its first items in one transaction; a taken name is a 409. */
    UUID create(UUID projectId, String name, String description, List<NewItem> items) {
        UUID id = UuidV7.now();
        try {
            dsl.transaction(tx -> {
                tx.dsl().insertInto(DATASETS)
                        .set(DATASETS.PROJECT_ID, projectId)
                        .set(DATASETS.ID, id)
                        .set(DATASETS.NAME, name)
                        .set(DATASETS.DESCRIPTION, description)
                        .execute();
                insert(tx.dsl(), projectId, id, 0, items);
            });
        } catch (IntegrityConstraintViolationException e) {
            throw new ApiException(Status.CONFLICT_409, "name_taken", "name: the project already has a dataset '"
                    + name + "'");
        }
        return id;
    }

    /**
     * Appends items after the last one; the dataset row is locked so concurrent appends queue up.
     *
     * @return the dataset's item count afterwards, or empty when the project has no such dataset
     */
    Optional<Integer> append(UUID projectId, UUID datasetId, List<NewItem> items) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            boolean exists = t.selectOne().from(DATASETS)
                    .where(DATASETS.PROJECT_ID.eq(projectId).and(DATASETS.ID.eq(datasetId)))
                    .forUpdate().fetchOptional().isPresent();
            if (!exists) {
                return Optional.empty();
            }
            var stats = t.select(DSL.count(), DSL.max(DATASET_ITEMS.POSITION)).from(DATASET_ITEMS)
                    .where(DATASET_ITEMS.DATASET_ID.eq(datasetId)).fetchOne();
            int count = stats.value1();
            if (count + items.size() > MAX_ITEMS) {
                throw ApiException.badRequest("too_many_items", "items: the dataset holds " + count + " items; adding "
                        + items.size() + " would exceed the limit of " + MAX_ITEMS);
            }
            int next = stats.value2() == null ? 0 : stats.value2() + 1;
            insert(t, projectId, datasetId, next, items);
            return Optional.of(count + items.size());
        });
    }

    private static void insert(DSLContext tx, UUID projectId, UUID datasetId, int start, List<NewItem> items) {
        for (int from = 0; from < items.size(); from += INSERT_CHUNK) {
            var insert = tx.insertInto(DATASET_ITEMS, DATASET_ITEMS.PROJECT_ID, DATASET_ITEMS.DATASET_ID,
                    DATASET_ITEMS.ID, DATASET_ITEMS.POSITION, DATASET_ITEMS.INPUT, DATASET_ITEMS.REFERENCE,
                    DATASET_ITEMS.METADATA);
            for (int i = from; i < Math.min(items.size(), from + INSERT_CHUNK); i++) {
                NewItem item = items.get(i);
                insert = insert.values(projectId, datasetId, UuidV7.now(), start + i, item.input(), item.reference(),
                        JSONB.valueOf(item.metadataJson()));
            }
            insert.execute();
        }
    }

    private Field<Integer> itemCount() {
        return DSL.field(DSL.selectCount().from(DATASET_ITEMS).where(DATASET_ITEMS.DATASET_ID.eq(DATASETS.ID)));
    }

    /** A dataset of the project. */
    Optional<Dataset> find(UUID projectId, UUID id) {
        return dsl.select(DATASETS.ID, DATASETS.NAME, DATASETS.DESCRIPTION, DATASETS.CREATED_AT, itemCount())
                .from(DATASETS).where(DATASETS.PROJECT_ID.eq(projectId).and(DATASETS.ID.eq(id)))
                .fetchOptional(r -> new Dataset(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** A page of the project's datasets, newest first, after {@code before} (exclusive) when given. */
    List<Dataset> page(UUID projectId, UUID before, int limit) {
        var condition = DATASETS.PROJECT_ID.eq(projectId);
        if (before != null) {
            condition = condition.and(DATASETS.ID.lt(before));
        }
        return dsl.select(DATASETS.ID, DATASETS.NAME, DATASETS.DESCRIPTION, DATASETS.CREATED_AT, itemCount())
                .from(DATASETS).where(condition).orderBy(DATASETS.ID.desc()).limit(limit)
                .fetch(r -> new Dataset(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** A page of a dataset's items in order, after position {@code after} (exclusive) when given. */
    List<Item> items(UUID projectId, UUID datasetId, Integer after, int limit) {
        var condition = DATASET_ITEMS.PROJECT_ID.eq(projectId).and(DATASET_ITEMS.DATASET_ID.eq(datasetId));
        if (after != null) {
            condition = condition.and(DATASET_ITEMS.POSITION.gt(after));
        }
        return dsl.select(DATASET_ITEMS.ID, DATASET_ITEMS.POSITION, DATASET_ITEMS.INPUT, DATASET_ITEMS.REFERENCE,
                        DATASET_ITEMS.METADATA, DATASET_ITEMS.CREATED_AT)
                .from(DATASET_ITEMS).where(condition).orderBy(DATASET_ITEMS.POSITION).limit(limit)
                .fetch(r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().data(), r.value6()));
    }

    /** Deletes a dataset with its items; false when the project has no such dataset. */
    boolean delete(UUID projectId, UUID id) {
        return dsl.deleteFrom(DATASETS).where(DATASETS.PROJECT_ID.eq(projectId).and(DATASETS.ID.eq(id))).execute() > 0;
    }

    /** The texts of stored calls of the project, by id (ids it does not hold are absent). */
    Map<UUID, CallTexts> calls(UUID projectId, java.util.Collection<UUID> ids) {
        Map<UUID, CallTexts> found = new HashMap<>();
        dsl.select(LLM_CALLS.ID, LLM_CALLS.PROVIDER, LLM_CALLS.MODEL, LLM_CALLS.PROMPT_NAME, LLM_CALLS.PROMPT_VERSION,
                        LLM_CALLS.INPUT_TEXT, LLM_CALLS.OUTPUT_TEXT)
                .from(LLM_CALL_IDS).join(LLM_CALLS).on(LLM_CALLS.PROJECT_ID.eq(LLM_CALL_IDS.PROJECT_ID)
                        .and(LLM_CALLS.STARTED_AT.eq(LLM_CALL_IDS.STARTED_AT)).and(LLM_CALLS.ID.eq(LLM_CALL_IDS.ID)))
                .where(LLM_CALL_IDS.PROJECT_ID.eq(projectId).and(LLM_CALL_IDS.ID.in(ids)))
                .forEach(r -> found.put(r.value1(), new CallTexts(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7())));
        return found;
    }
}
