package dev.argus.core.calls;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of one trace (an agent run: a tree by span parentage, where a call whose parent span is
 * not a stored call is a root, since only GenAI spans are stored) or one session (a conversation, in
 * order), with totals for latency, tokens, cost and errors.
 */
final class CallTree {

    private CallTree() {
    }

    /** The body: totals and the roots, each call a list item with its {@code children}. */
    static Map<String, Object> of(String key, String value, List<CallRow> calls, boolean truncated) {
        Map<String, Map<String, Object>> bySpan = new HashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (CallRow call : calls) {
            Map<String, Object> node = CallViews.summary(call);
            node.put("children", new ArrayList<Map<String, Object>>());
            nodes.add(node);
            if (call.spanId() != null) {
                bySpan.putIfAbsent(call.spanId(), node);
            }
        }
        List<Map<String, Object>> roots = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> parent = calls.get(i).parentSpanId() == null ? null : bySpan.get(calls.get(i).parentSpanId());
            if (parent == null || parent == nodes.get(i)) {
                roots.add(nodes.get(i));
            } else {
                children(parent).add(nodes.get(i));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        body.put("totals", totals(calls));
        body.put("truncated", truncated);
        body.put("calls", roots);
        return body;
    }

    /** The body of a session: totals and the calls in start order, without nesting. */
    static Map<String, Object> flat(String key, String value, List<CallRow> calls, boolean truncated) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        body.put("totals", totals(calls));
        body.put("truncated", truncated);
        body.put("calls", calls.stream().map(CallViews::summary).toList());
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("children");
    }

    private static Map<String, Object> totals(List<CallRow> calls) {
        Instant start = null;
        Instant end = null;
        long input = 0;
        long output = 0;
        long errors = 0;
        long latency = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long unpriced = 0;
        for (CallRow c : calls) {
            start = start == null || c.startedAt().isBefore(start) ? c.startedAt() : start;
            end = end == null || c.endedAt().isAfter(end) ? c.endedAt() : end;
            input += c.inputTokens();
            output += c.outputTokens();
            errors += "success".equals(c.status()) ? 0 : 1;
            latency += c.latencyMs();
            if (c.costUsd() == null) {
                unpriced++;
            } else {
                cost = cost.add(c.costUsd());
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("calls", calls.size());
        totals.put("errors", errors);
        totals.put("started_at", start);
        totals.put("ended_at", end);
        totals.put("duration_ms", start == null ? 0 : Duration.between(start, end).toMillis());
        totals.put("latency_ms", latency);
        totals.put("input_tokens", input);
        totals.put("output_tokens", output);
        BigDecimal plain = cost.stripTrailingZeros();
        totals.put("cost_usd", plain.scale() < 0 ? plain.setScale(0) : plain);
        totals.put("unpriced_calls", unpriced);
        return totals;
    }
}
