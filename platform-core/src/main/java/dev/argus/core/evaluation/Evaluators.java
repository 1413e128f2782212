package dev.argus.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.server.ApiException;
import java.util.List;

/** Request checks shared by evaluations and online rules: which evaluator, and whether it can score the items. */
public final class Evaluators {

    private Evaluators() {
    }

    /** The active evaluator named by {@code node}; a 400 naming {@code field} otherwise. */
    public static Evaluator active(PluginHost plugins, JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw ApiException.badRequest("invalid_request", field + ": required (an evaluator id)");
        }
        String id = node.asText();
        return plugins.registry().evaluator(id).orElseThrow(() -> ApiException.badRequest("unknown_evaluator",
                field + ": no active evaluator '" + id + "'"));
    }

    /** Rejects items that lack what the evaluator requires, naming the first such item. */
    public static void checkRequirements(Evaluator evaluator, List<JobItem> items, String field) {
        if (!evaluator.requirements().contains(Evaluator.Requirement.REFERENCE)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).reference() == null) {
                String where = field.equals("items") ? "items[" + i + "].reference"
                        : field + "[" + i + "]: metadata.reference";
                throw ApiException.badRequest("missing_reference",
                        where + ": required by evaluator '" + evaluator.id() + "'");
            }
        }
    }
}
