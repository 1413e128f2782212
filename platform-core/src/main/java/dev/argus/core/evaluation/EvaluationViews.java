package dev.argus.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes of evaluations, items and scores. */
final class EvaluationViews {

    private EvaluationViews() {
    }

    static Map<String, Object> summary(EvaluationStore.Summary s) {
        EvaluationStore.Progress p = s.progress();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("evaluator", s.evaluator());
        view.put("config", tree(s.configJson()));
        view.put("source", s.source());
        view.put("dataset_id", s.datasetId());
        view.put("created_at", s.createdAt());
        view.put("status", p.status());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("total", p.total());
        progress.put("done", p.done());
        progress.put("failed", p.dead());
        progress.put("running", p.running());
        progress.put("queued", p.total() - p.done() - p.dead() - p.running());
        view.put("progress", progress);
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("count", p.done());
        aggregate.put("mean", p.mean());
        aggregate.put("p50", p.p50());
        aggregate.put("min", p.min());
        aggregate.put("max", p.max());
        view.put("aggregate", aggregate);
        return view;
    }

    static Map<String, Object> item(EvaluationStore.ItemRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", row.position());
        view.put("call_id", row.callId());
        view.put("dataset_item_id", row.datasetItemId());
        view.put("status", row.status());
        view.put("attempts", row.attempts());
        view.put("error", row.error());
        view.put("score", row.value() == null ? null : score(row.value(), row.label(), row.explanation(), row.detailsJson()));
        return view;
    }

    static Map<String, Object> callScore(EvaluationStore.CallScore s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("evaluation_id", s.evaluationId());
        view.put("evaluator", s.evaluator());
        view.putAll(score(s.value(), s.label(), s.explanation(), s.detailsJson()));
        view.put("created_at", s.createdAt());
        return view;
    }

    private static Map<String, Object> score(double value, String label, String explanation, String details) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("value", value);
        view.put("label", label);
        view.put("explanation", explanation);
        view.put("details", tree(details));
        return view;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.STORED.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
