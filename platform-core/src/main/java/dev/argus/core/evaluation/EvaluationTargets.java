package dev.argus.core.evaluation;

import static dev.argus.core.storage.jooq.Tables.DATASETS;
import static dev.argus.core.storage.jooq.Tables.DATASET_ITEMS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.server.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Turns the target of an evaluation request (given texts, stored call ids, or a dataset) into the items
 * to queue, rejecting with a 400 naming the field whatever cannot be scored.
 */
public final class EvaluationTargets {

    /** The most items one evaluation may hold. */
    public static final int MAX_ITEMS = 10_000;

    private final DSLContext dsl;

    public EvaluationTargets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Items given inline as {@code [{"output","reference","input"}]}. */
    public List<JobItem> fromItems(JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "items: must be a non-empty array");
        }
        checkSize(items.size(), "items");
        List<JobItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "items[" + i + "]";
            if (!item.isObject()) {
                throw ApiException.badRequest("invalid_request", at + ": must be an object");
            }
            for (var name : (Iterable<String>) item::fieldNames) {
                if (!Set.of("output", "reference", "input").contains(name)) {
                    throw ApiException.badRequest("invalid_request", at + "." + name + ": unknown field");
                }
            }
            result.add(new JobItem(null, null, text(item, "input", at), required(item, "output", at),
                    text(item, "reference", at)));
        }
        return result;
    }

    /** The stored calls of the project; the reference is the call's {@code metadata.reference}, if any. */
    public List<JobItem> fromCalls(UUID projectId, JsonNode callIds) {
        if (!callIds.isArray() || callIds.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "call_ids: must be a non-empty array of call ids");
        }
        checkSize(callIds.size(), "call_ids");
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < callIds.size(); i++) {
            try {
                ids.add(UUID.fromString(callIds.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_request", "call_ids[" + i + "]: not a call id");
            }
        }
        var reference = DSL.jsonbGetAttributeAsText(LLM_CALLS.METADATA, "reference");
        Map<UUID, JobItem> found = new HashMap<>();
        dsl.select(LLM_CALLS.ID, LLM_CALLS.INPUT_TEXT, LLM_CALLS.OUTPUT_TEXT, reference)
                .from(LLM_CALL_IDS).join(LLM_CALLS).on(LLM_CALLS.PROJECT_ID.eq(LLM_CALL_IDS.PROJECT_ID)
                        .and(LLM_CALLS.STARTED_AT.eq(LLM_CALL_IDS.STARTED_AT)).and(LLM_CALLS.ID.eq(LLM_CALL_IDS.ID)))
                .where(LLM_CALL_IDS.PROJECT_ID.eq(projectId).and(LLM_CALL_IDS.ID.in(ids)))
                .forEach(r -> found.put(r.value1(), new JobItem(r.value1(), null, r.value2(), r.value3(), r.value4())));
        List<JobItem> result = new ArrayList<>();
        for (UUID id : ids) {
            JobItem item = found.get(id);
            if (item == null) {
                throw ApiException.badRequest("unknown_call", "call_ids: no call " + id + " in this project");
            }
            result.add(item);
        }
        return result;
    }

    /**
     * The items of a dataset of the project. Dataset items hold inputs and references; the answer to
     * score is the reference's counterpart given in {@code metadata.output}, or the input when absent.
     */
    public List<JobItem> fromDataset(UUID projectId, String datasetId) {
        UUID id;
        try {
            id = UUID.fromString(datasetId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown_dataset", "dataset_id: not a dataset id");
        }
        boolean exists = dsl.fetchExists(DATASETS, DATASETS.PROJECT_ID.eq(projectId).and(DATASETS.ID.eq(id)));
        if (!exists) {
            throw ApiException.badRequest("unknown_dataset", "dataset_id: no dataset " + id + " in this project");
        }
        var output = DSL.jsonbGetAttributeAsText(DATASET_ITEMS.METADATA, "output");
        List<JobItem> result = dsl.select(DATASET_ITEMS.ID, DATASET_ITEMS.INPUT, output, DATASET_ITEMS.REFERENCE)
                .from(DATASET_ITEMS).where(DATASET_ITEMS.PROJECT_ID.eq(projectId).and(DATASET_ITEMS.DATASET_ID.eq(id)))
                .orderBy(DATASET_ITEMS.POSITION)
                .fetch(r -> new JobItem(null, r.value1(), r.value2(), r.value3() != null ? r.value3() : r.value2(),
                        r.value4()));
        if (result.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "dataset_id: the dataset has no items");
        }
        checkSize(result.size(), "dataset_id");
        return result;
    }

    private static void checkSize(int size, String field) {
        if (size > MAX_ITEMS) {
            throw ApiException.badRequest("invalid_request", field + ": at most " + MAX_ITEMS + " items per evaluation");
        }
    }

    private static String required(JsonNode item, String name, String at) {
        String value = text(item, name, at);
        if (value == null) {
            throw ApiException.badRequest("invalid_request", at + "." + name + ": required");
        }
        return value;
    }

    private static String text(JsonNode item, String name, String at) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_request", at + "." + name + ": must be a string");
        }
        return value.asText();
    }
}
